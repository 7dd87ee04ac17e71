package dev.driftd.dialect;

import dev.driftd.util.UrlRedaction;

import java.util.Objects;

/**
 * Where to read a schema: a JDBC URL, credentials kept apart from it, and for PostgreSQL
 * optionally one schema (schema-per-tenant). {@link #toString()} and {@link #redactedUrl()} never
 * show a password, whether it came as an option or as a URL parameter.
 */
public record DbTarget(String url, String user, String password, String schema) {
    public DbTarget {
        Objects.requireNonNull(url, "url");
        user = user == null || user.isEmpty() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        schema = schema == null || schema.isEmpty() ? null : schema;
    }

    public static DbTarget of(String url) {
        return new DbTarget(url, null, null, null);
    }

    public DbTarget withSchema(String newSchema) {
        return new DbTarget(url, user, password, newSchema);
    }

    public String redactedUrl() {
        return UrlRedaction.redact(url);
    }

    @Override
    public String toString() {
        return redactedUrl() + (schema == null ? "" : " schema " + schema);
    }
}
