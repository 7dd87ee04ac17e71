package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CHECK constraint; {@code expression} is the normalized boolean expression without CHECK().
 * {@code notValid}: PostgreSQL {@code NOT VALID} (enforced for new rows, existing rows never
 * checked); written to JSON only when set, so validated constraints keep their fingerprints.
 */
public record CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                              boolean enforced,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid, String comment) implements SchemaObject {
    public CheckConstraint {
        comment = Lists.emptyToNull(comment);
    }

    /** A validated constraint. */
    public CheckConstraint(String schema, String table, String name, String expression, boolean noInherit,
                           boolean enforced, String comment) {
        this(schema, table, name, expression, noInherit, enforced, false, comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.CHECK_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).bool("enforced", enforced).string("expression", expression).string("name", name)
                .bool("noInherit", noInherit);
        if (notValid) {
            f.bool("notValid", true);
        }
        f.string("schema", schema).string("table", table);
    }
}
