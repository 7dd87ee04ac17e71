package dev.driftd.schema;

/**
 * A free-standing sequence (identity sequences belong to their column). The current value is
 * data, not schema. {@code ownedBy} is {@code table.column} (scope-relative) or null.
 */
public record Sequence(String schema, String name, String dataType, long start, long increment, long minValue,
                       long maxValue, long cache, boolean cycle, String ownedBy, String comment)
        implements SchemaObject {
    public Sequence {
        ownedBy = Lists.emptyToNull(ownedBy);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.SEQUENCE, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.number("cache", cache).string("comment", comment).bool("cycle", cycle).string("dataType", dataType)
                .number("increment", increment).number("maxValue", maxValue).number("minValue", minValue)
                .string("name", name).string("ownedBy", ownedBy).string("schema", schema).number("start", start);
    }
}
