package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical serialization behind every fingerprint: properties and map keys sorted, nulls
 * left out, no whitespace. What is reported but is not schema (PostgreSQL column position) is
 * left out; MySQL-family tables carry their column order instead.
 */
public final class Canonical {
    /** Also the mapper for snapshot JSON output: stable, sorted, null-free. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Canonical() {
    }

    /** The canonical JSON tree of one object, without its type-independent noise. */
    public static ObjectNode tree(SchemaObject object) {
        ObjectNode node = MAPPER.valueToTree(object);
        if (object instanceof Column) {
            node.remove("position");
        }
        return node;
    }

    /** The canonical tree of a table with its MySQL-family column order attached. */
    static ObjectNode tableTree(Table table, List<String> columnOrder) {
        ObjectNode node = tree(table);
        ArrayNode order = node.putArray("columnOrder");
        columnOrder.forEach(order::add);
        return node;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical JSON of a model tree cannot fail", e);
        }
    }
}
