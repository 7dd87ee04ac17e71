package dev.driftd.schema;

/** A MySQL event; {@code definition} is the normalized CREATE EVENT statement, {@code status} ENABLED/DISABLED.
 * {@code source} is the server's own CREATE text (MySQL/MariaDB: SHOW CREATE without DEFINER), used to
 * re-create the object as the user wrote it; it is reported and stored but not canonical, so it is
 * neither fingerprinted nor compared (null when unknown: the definition is used instead).
 */
public record Event(String schema, String name, String definition, String status, String comment, String source)
        implements SchemaObject {
    public Event {
        comment = Lists.emptyToNull(comment);
    }

    public Event(String schema, String name, String definition, String status, String comment) {
        this(schema, name, definition, status, comment, null);
    }

    /** The text to create it with: the server's own when known, else the normalized definition. */
    public String createText() {
        return source != null ? source : definition;
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.EVENT, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("definition", definition).string("name", name).string("schema", schema);
        if (!f.canonical()) {
            f.string("source", source);
        }
        f.string("status", status);
    }
}
