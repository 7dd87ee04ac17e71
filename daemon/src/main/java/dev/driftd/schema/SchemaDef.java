package dev.driftd.schema;

/** A PostgreSQL schema inside a multi-schema scope. */
public record SchemaDef(String name, String comment) implements SchemaObject {
    public SchemaDef {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.SCHEMA, "", name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("name", name);
    }
}
