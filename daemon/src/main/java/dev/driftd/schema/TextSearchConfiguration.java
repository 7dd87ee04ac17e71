package dev.driftd.schema;

import java.util.Map;

/**
 * A PostgreSQL text search configuration: its {@code parser} and, per token type, the
 * dictionaries consulted in order ({@code asciiword -> english_stem}, {@code word -> unaccent, simple}).
 */
public record TextSearchConfiguration(String schema, String name, String parser, Map<String, String> mappings,
                                      String comment) implements SchemaObject {
    public TextSearchConfiguration {
        mappings = Lists.copy(mappings);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.TEXT_SEARCH_CONFIGURATION, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).map("mappings", mappings).string("name", name).string("parser", parser)
                .string("schema", schema);
    }
}
