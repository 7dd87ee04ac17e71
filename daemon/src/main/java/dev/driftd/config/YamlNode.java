package dev.driftd.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so every configuration error can name its line.
 * Jackson's own JsonNode tree drops locations; this small tree keeps them.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
    int line();

    /** What the node is, for "expected a list, found a mapping" messages. */
    String describe();

    /** A scalar as written; {@code text} is {@code null} for YAML null. */
    record Scalar(int line, String text) implements YamlNode {
        @Override
        public String describe() {
            return text == null ? "null" : "'" + text + "'";
        }
    }

    /** Keys in file order, each with the line the key is on. */
    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Entry(String key, int keyLine, YamlNode value) {
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
