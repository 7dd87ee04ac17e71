package dev.driftd.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s through Jackson's streaming YAML parser, recording the
 * line of every key and value. Duplicate keys are an error here (Jackson would keep the last).
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String source;

    YamlTreeReader(String source) {
        this.source = source;
    }

    YamlNode read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                // empty or only comments: most likely a truncated or half-written file. Applied, it
                // would drop every token and retire every fleet, so it is refused like a bad file.
                throw new ConfigException(source, 1, "the file is empty (no YAML content, only blanks or comments);"
                        + " a configuration needs at least a server or fleets section");
            }
            YamlNode root = readValue(p);
            if (p.nextToken() != null) {
                throw new ConfigException(source, line(p), "more than one YAML document; driftd reads one");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                // snakeyaml knows where the problem is, not just where the construct began
                throw new ConfigException(source, y.getProblemMark().getLine() + 1, "YAML syntax: " + y.getProblem()
                        + (y.getContext() == null ? "" : " " + y.getContext()));
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(source, line, "YAML syntax: " + e.getOriginalMessage().strip().lines()
                    .findFirst().orElse("unreadable"));
        } catch (IOException e) {
            throw new ConfigException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    private YamlNode readValue(JsonParser p) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    YamlNode value = readValue(p);
                    if (entries.containsKey(key)) {
                        throw new ConfigException(source, keyLine, "duplicate key '" + key + "' (first on line "
                                + entries.get(key).keyLine() + ")");
                    }
                    entries.put(key, new YamlNode.Entry(key, keyLine, value));
                }
                return new YamlNode.Mapping(line, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p));
                }
                return new YamlNode.Sequence(line, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, null);
            }
            default -> {
                return new YamlNode.Scalar(line, p.getText());
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
