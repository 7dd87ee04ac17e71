package dev.driftd.dialect.postgres;

import java.util.Map;

/**
 * Maps real schema names to scope-relative ones. In a single-schema scope the scoped schema
 * becomes {@code ""} (so tenants compare equal whatever they are called) and any other schema
 * keeps its name, e.g. a foreign key from a tenant to {@code public.users}; in a database scope
 * every name is kept.
 *
 * @param single      true for a single-schema scope
 * @param schema      the scoped schema's real name (single scope only)
 * @param quoted      {@code quote_ident(schema)}, as the server prints it in qualified names
 * @param namesByOid  the schemas in scope by OID
 */
record PgScopeNames(boolean single, String schema, String quoted, Map<Long, String> namesByOid) {
    PgScopeNames {
        namesByOid = Map.copyOf(namesByOid);
    }

    /** The scope-relative name of an in-scope schema, by OID. */
    String ofOid(long oid) {
        String name = namesByOid.get(oid);
        if (name == null) {
            throw new IllegalStateException("schema oid " + oid + " is not in scope");
        }
        return relative(name);
    }

    /** The scope-relative form of a real schema name (which may be outside the scope). */
    String relative(String realSchema) {
        if (realSchema == null) {
            return "";
        }
        return single && realSchema.equals(schema) ? "" : realSchema;
    }

    /** A name qualified by a schema outside pg_catalog and this single scope: {@code schema.name}. */
    String qualified(String realSchema, String name) {
        String rel = relative(realSchema);
        return rel.isEmpty() || "pg_catalog".equals(realSchema) ? name : rel + "." + name;
    }

    /**
     * Removes the scoped schema's qualifier where the server always prints one (the header of
     * {@code pg_get_functiondef}): {@code CREATE OR REPLACE FUNCTION app.f(} becomes {@code ... f(}.
     */
    String unqualifyHeader(String definition, String keyword) {
        if (!single) {
            return definition;
        }
        String prefix = keyword + " " + quoted + ".";
        int at = definition.indexOf(prefix);
        int eol = definition.indexOf('\n');
        if (at < 0 || (eol >= 0 && at > eol)) {
            return definition;
        }
        return definition.substring(0, at) + keyword + " " + definition.substring(at + prefix.length());
    }
}
