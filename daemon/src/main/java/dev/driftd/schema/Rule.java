package dev.driftd.schema;

/**
 * A PostgreSQL rule on a table ({@code CREATE RULE}), other than a view's own {@code _RETURN}
 * rule. {@code definition} is {@code pg_get_ruledef} without the trailing {@code ;}.
 */
public record Rule(String schema, String table, String name, String definition, String comment) implements SchemaObject {
    public Rule {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.RULE, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).string("definition", definition).string("name", name).string("schema", schema)
                .string("table", table);
    }
}
