package dev.driftd.schema;

import java.util.List;

/**
 * What one role may do with one object, beyond what its owner may. {@code objectType} is the SQL
 * word ({@code TABLE}, {@code SEQUENCE}, {@code FUNCTION}, {@code PROCEDURE}, {@code SCHEMA},
 * {@code TYPE}); {@code object} is its scope-relative name (a routine with its signature,
 * {@code table.column} for a column privilege); {@code grantee} is a role name or {@code PUBLIC}.
 * {@code privileges} and {@code grantable} (those held WITH GRANT OPTION) are sorted SQL words.
 * Not a table part: planned after every object exists, and revoked before objects are dropped.
 */
public record Privilege(String schema, String objectType, String object, String grantee, List<String> privileges,
                        List<String> grantable) implements SchemaObject {
    public Privilege {
        privileges = Lists.copy(privileges);
        grantable = Lists.copy(grantable);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.PRIVILEGE, schema, objectType.toLowerCase(java.util.Locale.ROOT) + " " + object
                + " to " + grantee);
    }

    @Override
    public String comment() {
        return null;
    }

    @Override
    public void writeFields(JsonFields f) {
        f.strings("grantable", grantable).string("grantee", grantee).string("object", object).string("objectType", objectType)
                .strings("privileges", privileges).string("schema", schema);
    }
}
