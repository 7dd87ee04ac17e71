package dev.driftd.schema;

/** A CHECK constraint; {@code expression} is the normalized boolean expression without CHECK(). */
public record CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                              boolean enforced, String comment) implements SchemaObject {
    public CheckConstraint {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.CHECK_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).bool("enforced", enforced).string("expression", expression).string("name", name)
                .bool("noInherit", noInherit).string("schema", schema).string("table", table);
    }
}
