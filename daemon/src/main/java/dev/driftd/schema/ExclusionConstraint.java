package dev.driftd.schema;

/** A PostgreSQL EXCLUDE constraint; {@code definition} is the normalized text after the name. */
public record ExclusionConstraint(String schema, String table, String name, String definition,
                                  boolean deferrable, boolean initiallyDeferred, String comment)
        implements SchemaObject {
    public ExclusionConstraint {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.EXCLUSION_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).bool("deferrable", deferrable).string("definition", definition)
                .bool("initiallyDeferred", initiallyDeferred).string("name", name).string("schema", schema)
                .string("table", table);
    }
}
