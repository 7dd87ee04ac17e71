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
}
