package dev.driftd.schema;

/**
 * A PostgreSQL text search dictionary: its {@code template} (scope-relative, qualified when
 * outside the scope) and its options as the server keeps them ({@code stopwords = 'english'}).
 */
public record TextSearchDictionary(String schema, String name, String template, String options, String comment)
        implements SchemaObject {
    public TextSearchDictionary {
        options = Lists.emptyToNull(options);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.TEXT_SEARCH_DICTIONARY, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("name", name).string("options", options).string("schema", schema)
                .string("template", template);
    }
}
