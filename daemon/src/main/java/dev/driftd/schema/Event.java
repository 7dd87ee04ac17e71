package dev.driftd.schema;

/**
 * A MySQL event; {@code definition} is the normalized CREATE EVENT statement, {@code status} ENABLED/DISABLED.
 * {@code charset} is what a MySQL/MariaDB object was created under (see {@link CreationCharset}): reported,
 * stored and re-applied by the planner, never fingerprinted or compared (null when not known).
 */
public record Event(String schema, String name, String definition, String status, String comment,
                    CreationCharset charset)
        implements SchemaObject {
    public Event {
        comment = Lists.emptyToNull(comment);
    }

    public Event(String schema, String name, String definition, String status, String comment) {
        this(schema, name, definition, status, comment, null);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.EVENT, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        if (!f.canonical()) {
            f.object("charset", charset);
        }
        f.string("comment", comment).string("definition", definition).string("name", name).string("schema", schema)
                .string("status", status);
    }
}
