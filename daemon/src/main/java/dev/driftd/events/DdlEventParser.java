package dev.driftd.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates the JSON body of POST /api/v1/events/ddl. Unknown fields are ignored so newer
 * proxies can add some; known fields of the wrong type or out of range are rejected with a
 * one-line reason naming the field.
 */
public final class DdlEventParser {
    /** Longest statement accepted, in characters (the proxy truncates to this and says so). */
    public static final int MAX_STATEMENT = 65_536;
    /** Largest body accepted, in bytes: the longest statement, escaped, plus the other fields. */
    public static final int MAX_BODY = 512 * 1024;
    private static final int MAX_FIELD = 1_024;
    /** A server names itself in a few ways (PostgreSQL and MySQL send two); more is not an identity. */
    private static final int MAX_IDENTITIES = 8;
    private static final Set<String> GUARDS = Set.of("off", "warn", "block");

    /** The earliest and latest event time taken: what every store's timestamp column holds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Trailing tokens after the object are an error: a body is one event, not an event and garbage. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DdlEventParser() {
    }

    public static DdlEvent parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidDdlEventException("empty body: expected a JSON object describing one DDL statement");
        }
        if (body.length > MAX_BODY) {
            throw new InvalidDdlEventException("body of " + body.length + " bytes is over the limit of " + MAX_BODY);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidDdlEventException("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidDdlEventException("body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDdlEventException("body must be a JSON object, got " + (root == null ? "nothing"
                    : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        String statement = requiredText(root, "statement", MAX_STATEMENT);
        String serverHost = requiredText(root, "serverHost", MAX_FIELD);
        int serverPort = port(root);
        Instant time = time(root);
        String guard = optionalText(root, "guard");
        if (guard != null && !GUARDS.contains(guard)) {
            throw new InvalidDdlEventException("field 'guard' must be off, warn or block, got '" + guard + "'");
        }
        return new DdlEvent(statement, optionalBoolean(root, "truncated"), optionalText(root, "command"),
                optionalText(root, "flavor"), serverHost, serverPort, optionalText(root, "database"),
                optionalText(root, "schema"), optionalText(root, "user"), optionalText(root, "clientHost"),
                optionalText(root, "application"), time, optionalBoolean(root, "approved"), guard,
                identities(root));
    }

    /** "serverIdentities": an optional array of short strings. */
    private static List<String> identities(JsonNode root) {
        JsonNode n = root.get("serverIdentities");
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new InvalidDdlEventException("field 'serverIdentities' must be an array of strings");
        }
        if (n.size() > MAX_IDENTITIES) {
            throw new InvalidDdlEventException("field 'serverIdentities' has " + n.size()
                    + " entries, over the limit of " + MAX_IDENTITIES);
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new InvalidDdlEventException("field 'serverIdentities' must be an array of strings");
            }
            String v = noNul("serverIdentities", e.asText());
            if (v.length() > MAX_FIELD) {
                throw new InvalidDdlEventException("an entry of field 'serverIdentities' is " + v.length()
                        + " characters, over the limit of " + MAX_FIELD);
            }
            if (!v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private static String requiredText(JsonNode root, String field, int max) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidDdlEventException("field '" + field + "' is required");
        }
        if (!n.isTextual()) {
            throw new InvalidDdlEventException("field '" + field + "' must be a string");
        }
        String v = noNul(field, n.asText());
        if (v.isBlank()) {
            throw new InvalidDdlEventException("field '" + field + "' must not be blank");
        }
        if (v.length() > max) {
            throw new InvalidDdlEventException("field '" + field + "' is " + v.length()
                    + " characters, over the limit of " + max);
        }
        return v;
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidDdlEventException("field '" + field + "' must be a string or null");
        }
        String v = noNul(field, n.asText());
        if (v.length() > MAX_FIELD) {
            throw new InvalidDdlEventException("field '" + field + "' is " + v.length()
                    + " characters, over the limit of " + MAX_FIELD);
        }
        return v.isEmpty() ? null : v;
    }

    /** PostgreSQL text cannot hold NUL: such an event would be taken, then lost when stored. */
    private static String noNul(String field, String v) {
        if (v.indexOf('\0') >= 0) {
            throw new InvalidDdlEventException("field '" + field + "' contains a NUL character");
        }
        return v;
    }

    private static boolean optionalBoolean(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new InvalidDdlEventException("field '" + field + "' must be true or false");
        }
        return n.asBoolean();
    }

    private static int port(JsonNode root) {
        JsonNode n = root.get("serverPort");
        if (n == null || n.isNull()) {
            throw new InvalidDdlEventException("field 'serverPort' is required");
        }
        // canConvertToInt first: asLong() wraps a number like 2^64+5432 around to 5432
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 65_535) {
            throw new InvalidDdlEventException("field 'serverPort' must be an integer from 1 to 65535, got " + n);
        }
        return n.asInt();
    }

    private static Instant time(JsonNode root) {
        String t = requiredText(root, "time", 64);
        try {
            Instant at = OffsetDateTime.parse(t).toInstant(); // ISO-8601 with Z or an offset
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new InvalidDdlEventException("field 'time' must be between years 1 and 9999, got '" + t + "'");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidDdlEventException("field 'time' must be an ISO-8601 timestamp like"
                    + " 2026-01-31T12:00:00Z, got '" + t + "'");
        }
    }
}
