package dev.driftd.dialect.mysql;

import dev.driftd.dialect.JdbcFamily;

/**
 * mysql-connector-j for MySQL and MariaDB: its {@code dbname} connection property wins over the
 * URL's path, which the driver would percent-decode ({@code %31} is {@code 1}, {@code +} a space).
 */
public final class MysqlFamily implements JdbcFamily {
    public static final MysqlFamily INSTANCE = new MysqlFamily();

    private MysqlFamily() {
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean handles(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public String databaseProperty() {
        return "dbname";
    }

    @Override
    public String identityQuery() {
        return "SELECT DATABASE()";
    }
}
