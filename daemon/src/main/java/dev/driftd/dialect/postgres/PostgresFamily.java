package dev.driftd.dialect.postgres;

import dev.driftd.dialect.JdbcFamily;

/** pgjdbc: {@code PGDBNAME} carries the database; the URL's path is then left empty. */
public final class PostgresFamily implements JdbcFamily {
    public static final PostgresFamily INSTANCE = new PostgresFamily();

    private PostgresFamily() {
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean handles(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public String databaseProperty() {
        return "PGDBNAME";
    }

    @Override
    public String identityQuery() {
        return "SELECT pg_catalog.current_database()";
    }
}
