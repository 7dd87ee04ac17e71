package dev.driftd.diff;

import com.fasterxml.jackson.databind.JsonNode;

/** One differing property of a changed object: what the target has, and what golden has. */
public record FieldChange(String field, JsonNode target, JsonNode golden) {
    @Override
    public String toString() {
        return field + ": " + show(target) + " -> " + show(golden);
    }

    private static String show(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "(none)" : node.toString();
    }
}
