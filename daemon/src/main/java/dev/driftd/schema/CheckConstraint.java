package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CHECK constraint; {@code expression} is the normalized boolean expression without CHECK().
 * {@code notValid}: PostgreSQL {@code NOT VALID} (enforced for new rows, existing rows never
 * checked); written to JSON only when set, so validated constraints keep their fingerprints.
 * {@code column} names the column whose definition carries it when the server keeps it there
 * (MariaDB's column-level checks, named after their column, dropped and changed only by
 * restating the column); null for a table constraint, which is every PostgreSQL and MySQL check.
 */
public record CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                              boolean enforced,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid, String comment,
                              String column) implements SchemaObject {
    public CheckConstraint {
        comment = Lists.emptyToNull(comment);
    }

    /** A validated table constraint. */
    public CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                           boolean enforced, String comment) {
        this(schema, table, name, expression, noInherit, enforced, false, comment, null);
    }

    /** A table constraint, validated or {@code NOT VALID}. */
    public CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                           boolean enforced, boolean notValid, String comment) {
        this(schema, table, name, expression, noInherit, enforced, notValid, comment, null);
    }

    /** A validated constraint, at table level ({@code column} null) or carried by a column. */
    public CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                           boolean enforced, String comment, String column) {
        this(schema, table, name, expression, noInherit, enforced, false, comment, column);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.CHECK_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("column", column).string("comment", comment).bool("enforced", enforced).string("expression", expression)
                .string("name", name).bool("noInherit", noInherit);
        if (notValid) {
            f.bool("notValid", true);
        }
        f.string("schema", schema).string("table", table);
    }
}
