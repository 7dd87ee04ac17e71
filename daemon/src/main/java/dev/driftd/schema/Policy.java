package dev.driftd.schema;

import java.util.List;

/** A PostgreSQL row-level security policy; {@code command} is ALL, SELECT, INSERT, UPDATE or DELETE. */
public record Policy(String schema, String table, String name, boolean permissive, String command,
                     List<String> roles, String using, String withCheck, String comment) implements SchemaObject {
    public Policy {
        roles = Lists.copy(roles);
        using = Lists.emptyToNull(using);
        withCheck = Lists.emptyToNull(withCheck);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.POLICY, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("command", command).string("comment", comment).string("name", name).bool("permissive", permissive)
                .strings("roles", roles).string("schema", schema).string("table", table).string("using", using)
                .string("withCheck", withCheck);
    }
}
