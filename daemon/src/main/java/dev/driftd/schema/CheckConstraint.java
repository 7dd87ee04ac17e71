package dev.driftd.schema;

/**
 * A CHECK constraint; {@code expression} is the normalized boolean expression without CHECK().
 * {@code column} names the column whose definition carries it when the server keeps it there
 * (MariaDB's column-level checks, named after their column, dropped and changed only by
 * restating the column); null for a table constraint, which is every PostgreSQL and MySQL check.
 */
public record CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                              boolean enforced, String comment, String column) implements SchemaObject {
    public CheckConstraint {
        comment = Lists.emptyToNull(comment);
    }

    /** A table constraint. */
    public CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                           boolean enforced, String comment) {
        this(schema, table, name, expression, noInherit, enforced, comment, null);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.CHECK_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("column", column).string("comment", comment).bool("enforced", enforced).string("expression", expression)
                .string("name", name).bool("noInherit", noInherit).string("schema", schema).string("table", table);
    }
}
