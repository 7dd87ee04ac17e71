package dev.driftd.schema;

import java.util.List;

/**
 * What one snapshot covers: a database and the schemas read from it. When {@code relative} is
 * true (one PostgreSQL schema of a schema-per-tenant fleet, or a MySQL database) object keys carry
 * an empty schema, so tenants compare equal whatever their names; DDL is then qualified with the
 * target's own {@link #schemas()} entry.
 */
public record Scope(String database, List<String> schemas, boolean relative) implements JsonWritable {
    public Scope {
        schemas = Lists.copy(schemas);
    }

    public static Scope database(String database, List<String> schemas) {
        return new Scope(database, schemas, false);
    }

    public static Scope singleSchema(String database, String schema) {
        return new Scope(database, List.of(schema), true);
    }

    /** A MySQL-family database: one namespace, names relative to it. */
    public static Scope mysqlDatabase(String database) {
        return new Scope(database, List.of(database), true);
    }

    /** The real schema name for a scope-relative one ({@code ""} maps to this scope's schema). */
    public String actualSchema(String relativeSchema) {
        if (relative && (relativeSchema == null || relativeSchema.isEmpty())) {
            return schemas.get(0);
        }
        return relativeSchema;
    }

    public String describe() {
        if (relative) {
            return schemas.get(0).equals(database) ? "database " + database : "schema " + database + "." + schemas.get(0);
        }
        return "database " + database + (schemas.isEmpty() ? "" : " schemas " + String.join(",", schemas));
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("database", database).bool("relative", relative).strings("schemas", schemas);
    }
}
