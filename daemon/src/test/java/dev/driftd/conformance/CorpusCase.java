package dev.driftd.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/** One case of the external corpus: load {@code current} as the target, {@code desired} as golden. */
record CorpusCase(String source, String name, Path current, Path desired, JsonNode flags) {
    String flag(String key) {
        JsonNode n = flags == null ? null : flags.get(key);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }
}
