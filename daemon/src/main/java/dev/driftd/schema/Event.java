package dev.driftd.schema;

/** A MySQL event; {@code definition} is the normalized CREATE EVENT statement, {@code status} ENABLED/DISABLED. */
public record Event(String schema, String name, String definition, String status, String comment)
        implements SchemaObject {
    public Event {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.EVENT, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("definition", definition).string("name", name).string("schema", schema)
                .string("status", status);
    }
}
