package dev.driftd.testing;

import dev.driftd.schema.Flavor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real database server the tests may create databases on. {@code baseUrl} ends with the
 * slash before the database name; URL parameters are appended per flavor.
 */
public final class TestServer {
    private final Flavor family;
    private final String baseUrl;
    private final String params;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String origin;

    TestServer(Flavor family, String baseUrl, String params, String user, String password, String adminDatabase,
               String origin) {
        this.family = family;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.params = params;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.origin = origin;
    }

    /** POSTGRES or MYSQL (the MySQL family; the server may be MariaDB). */
    public Flavor family() {
        return family;
    }

    /** Where the server came from (env, local, testcontainers, embedded), for test names and logs. */
    public String origin() {
        return origin;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String host() {
        return baseUrl.replaceFirst("^jdbc:[a-z]+://", "").replaceFirst("[:/].*$", "");
    }

    public int port() {
        String hostPort = baseUrl.replaceFirst("^jdbc:[a-z]+://", "").replaceFirst("/.*$", "");
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? (family == Flavor.POSTGRES ? 5432 : 3306) : Integer.parseInt(hostPort.substring(colon + 1));
    }

    /** JDBC URL of a database on this server, with user (and password, if any) as URL parameters. */
    public String url(String database) {
        // the name percent-encoded: a database called app_t%31 is not app_t1
        StringBuilder sb = new StringBuilder(baseUrl).append(dev.driftd.dialect.JdbcUrl.encode(database))
                .append('?').append("user=").append(user);
        if (password != null && !password.isEmpty()) {
            sb.append("&password=").append(password);
        }
        if (!params.isEmpty()) {
            sb.append('&').append(params);
        }
        return sb.toString();
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), new Properties());
    }

    /** Creates a uniquely named, empty database; close the result to drop it. */
    public TestDatabase createDatabase(String prefix) {
        String name = (prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()))
                .toLowerCase(java.util.Locale.ROOT);
        executeAdmin(family == Flavor.POSTGRES ? "CREATE DATABASE \"" + name + "\""
                : "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        return new TestDatabase(this, name);
    }

    /**
     * PostgreSQL: a uniquely named copy of {@code template} (CREATE DATABASE … TEMPLATE, a file copy:
     * much faster than running the schema again for each of many databases). Nobody may be connected
     * to the template meanwhile. Close the result to drop it.
     */
    public TestDatabase createDatabaseFrom(String prefix, TestDatabase template) {
        if (family != Flavor.POSTGRES) {
            throw new IllegalStateException("CREATE DATABASE ... TEMPLATE is PostgreSQL's");
        }
        String name = (prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()))
                .toLowerCase(java.util.Locale.ROOT);
        executeAdmin("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template.name() + "\"");
        return new TestDatabase(this, name);
    }

    /** Creates a database with exactly this name (dropping one left over); close the result to drop it. */
    public TestDatabase createDatabaseNamed(String name) {
        drop(name);
        executeAdmin(family == Flavor.POSTGRES ? "CREATE DATABASE " + quote(name)
                : "CREATE DATABASE " + quote(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        return new TestDatabase(this, name);
    }

    void drop(String name) {
        executeAdmin(family == Flavor.POSTGRES ? "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + quote(name));
    }

    /** An identifier quoted for this server, whatever characters it holds. */
    public String quote(String name) {
        return family == Flavor.POSTGRES ? "\"" + name.replace("\"", "\"\"") + "\""
                : "`" + name.replace("`", "``") + "`";
    }

    public void executeAdmin(String sql) {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on " + origin + " server: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return family + " server (" + origin + ") " + baseUrl;
    }
}
