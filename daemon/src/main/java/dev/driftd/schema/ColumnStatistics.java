package dev.driftd.schema;

/**
 * A column's statistics target set with {@code ALTER TABLE ... ALTER COLUMN ... SET STATISTICS}.
 * Only columns with a target of their own have one; the default reads as no object at all.
 */
public record ColumnStatistics(String schema, String table, String column, int target) implements SchemaObject {
    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.COLUMN_STATISTICS, schema, table, column);
    }

    /** A setting of a column has no comment of its own. */
    @Override
    public String comment() {
        return null;
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("column", column).string("schema", schema).string("table", table).number("target", target);
    }
}
