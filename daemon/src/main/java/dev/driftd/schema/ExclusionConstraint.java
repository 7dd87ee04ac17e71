package dev.driftd.schema;

/**
 * A PostgreSQL EXCLUDE constraint; {@code definition} is the normalized text after the name.
 * {@code indexComment}: the comment on the constraint's index, written only when set.
 */
public record ExclusionConstraint(String schema, String table, String name, String definition,
                                  boolean deferrable, boolean initiallyDeferred, String comment, String indexComment)
        implements SchemaObject {
    public ExclusionConstraint {
        comment = Lists.emptyToNull(comment);
        indexComment = Lists.emptyToNull(indexComment);
    }

    /** A constraint whose index carries no comment. */
    public ExclusionConstraint(String schema, String table, String name, String definition, boolean deferrable,
                               boolean initiallyDeferred, String comment) {
        this(schema, table, name, definition, deferrable, initiallyDeferred, comment, null);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.EXCLUSION_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).bool("deferrable", deferrable).string("definition", definition)
                .string("indexComment", indexComment).bool("initiallyDeferred", initiallyDeferred).string("name", name).string("schema", schema)
                .string("table", table);
    }
}
