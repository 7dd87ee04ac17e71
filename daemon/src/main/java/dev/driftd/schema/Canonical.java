package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

    /** Column position is reported but is not part of a column's identity or canonical form. */
    @JsonIgnoreProperties({"position"})
    private abstract static class CanonicalColumn {
    }

    /** Writes the canonical form of model objects (what fingerprints hash, see CanonicalDigest). */
    static final ObjectMapper CANONICAL = MAPPER.copy().addMixIn(Column.class, CanonicalColumn.class);

    private Canonical() {
    }

    /** The canonical JSON tree of one object (what the differ compares field by field). */
    public static ObjectNode tree(SchemaObject object) {
        return CANONICAL.valueToTree(object);
    }

    /** The canonical bytes of a MySQL-family table's column order, hashed after the table. */
    static byte[] columnOrderBytes(List<String> columnOrder) {
        ArrayNode order = MAPPER.createArrayNode();
        columnOrder.forEach(order::add);
        return ("{\"columnOrder\":" + write(order) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
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
