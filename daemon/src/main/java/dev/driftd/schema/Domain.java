package dev.driftd.schema;

import java.util.List;

/** A PostgreSQL domain over a base type. */
public record Domain(String schema, String name, String baseType, boolean notNull, String defaultExpression,
                     String collation, List<NamedCheck> checks, String comment) implements SchemaObject {
    public Domain {
        checks = Lists.copy(checks);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.DOMAIN, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("baseType", baseType).objects("checks", checks).string("collation", collation).string("comment", comment)
                .string("defaultExpression", defaultExpression).string("name", name).bool("notNull", notNull)
                .string("schema", schema);
    }
}
