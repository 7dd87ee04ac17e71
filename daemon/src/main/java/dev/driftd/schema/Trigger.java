package dev.driftd.schema;

/** A trigger on a table or view; {@code definition} is the complete normalized CREATE TRIGGER statement. */
public record Trigger(String schema, String table, String name, String definition, String enabled, String comment)
        implements SchemaObject {
    public Trigger {
        enabled = Lists.emptyToNull(enabled);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.TRIGGER, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("definition", definition).string("enabled", enabled).string("name", name)
                .string("schema", schema).string("table", table);
    }
}
