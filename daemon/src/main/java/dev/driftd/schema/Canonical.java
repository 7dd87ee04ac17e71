package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The canonical serialization behind every fingerprint: properties and map keys sorted, nulls
 * left out, no whitespace. What is reported but is not schema (PostgreSQL column position) is
 * left out; MySQL-family tables carry their column order instead. Model objects are written by
 * their own {@link JsonWritable#writeFields}, through a module both mappers carry.
 */
public final class Canonical {
    /** Also the mapper for snapshot JSON output: stable, sorted, null-free. */
    public static final ObjectMapper MAPPER = mapper(false);

    /** Writes the canonical form of model objects (what fingerprints hash, see CanonicalDigest). */
    static final ObjectMapper CANONICAL = mapper(true);

    private static ObjectMapper mapper(boolean canonical) {
        return JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(ModelJson.module(canonical))
                .build();
    }

    private Canonical() {
    }

    /** The canonical JSON tree of one object (what the differ compares field by field). */
    public static ObjectNode tree(SchemaObject object) {
        return CANONICAL.valueToTree(object);
    }
}
