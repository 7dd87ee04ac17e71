package dev.driftd.schema;

/** A scope-relative reference to a table (schema empty in single-schema and MySQL scopes). */
public record TableRef(String schema, String name) implements JsonWritable {
    public TableRef {
        schema = schema == null ? "" : schema;
    }

    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.TABLE, schema, name);
    }

    @Override
    public String toString() {
        return schema.isEmpty() ? name : schema + "." + name;
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("name", name).string("schema", schema);
    }
}
