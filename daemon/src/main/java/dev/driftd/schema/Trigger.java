package dev.driftd.schema;

/** A trigger on a table or view; {@code definition} is the complete normalized CREATE TRIGGER statement.
 * {@code source} is the server's own CREATE text (MySQL/MariaDB: SHOW CREATE without DEFINER), used to
 * re-create the object as the user wrote it; it is reported and stored but not canonical, so it is
 * neither fingerprinted nor compared (null when unknown: the definition is used instead).
 * {@code charset} is what a MySQL/MariaDB object was created under (see {@link CreationCharset}): reported,
 * stored and re-applied by the planner, never fingerprinted or compared (null when not known).
 */
public record Trigger(String schema, String table, String name, String definition, String enabled, String comment,
                      String source, CreationCharset charset) implements SchemaObject {
    public Trigger {
        enabled = Lists.emptyToNull(enabled);
        comment = Lists.emptyToNull(comment);
    }

    public Trigger(String schema, String table, String name, String definition, String enabled, String comment) {
        this(schema, table, name, definition, enabled, comment, null, null);
    }

    public Trigger(String schema, String table, String name, String definition, String enabled, String comment,
                   String source) {
        this(schema, table, name, definition, enabled, comment, source, null);
    }

    /** The text to create it with: the server's own when known, else the normalized definition. */
    public String createText() {
        return source != null ? source : definition;
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.TRIGGER, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        if (!f.canonical()) {
            f.object("charset", charset);
        }
        f.string("comment", comment).string("definition", definition).string("enabled", enabled).string("name", name)
                .string("schema", schema);
        if (!f.canonical()) {
            f.string("source", source);
        }
        f.string("table", table);
    }
}
