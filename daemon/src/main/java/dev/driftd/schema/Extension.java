package dev.driftd.schema;

/** A PostgreSQL extension; {@code schema} is where its objects live. Objects it owns are not in the snapshot. */
public record Extension(String name, String schema, String version, String comment) implements SchemaObject {
    public Extension {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.EXTENSION, "", name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("name", name).string("schema", schema).string("version", version);
    }
}
