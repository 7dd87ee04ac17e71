package dev.driftd.dialect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where to read a schema: a JDBC URL, credentials kept apart from it, and for PostgreSQL
 * optionally one schema (schema-per-tenant). {@link #toString()} and {@link #redactedUrl()} never
 * show a password, whether it came as an option or as a URL parameter.
 */
public record DbTarget(String url, String user, String password, String schema) {
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](password|pwd|sslpassword)=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

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
        return redact(url);
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redact(String url) {
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USERINFO.matcher(out).replaceAll("//$1:***@");
    }

    @Override
    public String toString() {
        return redactedUrl() + (schema == null ? "" : " schema " + schema);
    }
}
