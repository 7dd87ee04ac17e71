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
}
