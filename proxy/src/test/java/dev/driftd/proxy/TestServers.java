package dev.driftd.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where the proxy tests find real servers, by the daemon's rules (dev.driftd.testing.TestDatabases,
 * not visible from this module, which is built first): (1) DRIFTD_TEST_PG_URL / DRIFTD_TEST_MYSQL_URL
 * when set, (2) the local services on 127.0.0.1 when they answer and accept the login (postgres / root,
 * no password). This module has no Testcontainers or embedded server, so steps 3 and 4 do not exist
 * here. With no server postgres()/mysql() return null and the test skips with its reason, except
 * under DRIFTD_TEST_REQUIRE_SERVERS=1 (set by .ci/run), where they fail the asking test.
 */
final class TestServers {
    static final String REQUIRE_SWITCH = "DRIFTD_TEST_REQUIRE_SERVERS";

    private TestServers() {
    }

    /** A server URL without database and query, plus the query (credentials and options). */
    static final class Server {
        final String base; // jdbc:postgresql://127.0.0.1:5432/
        final String query; // user=postgres
        final String adminDb;

        Server(String base, String query, String adminDb) {
            this.base = base;
            this.query = query;
            this.adminDb = adminDb;
        }

        /** The real URL of a database on this server. */
        String url(String db) {
            return base + db + (query.isEmpty() ? "" : "?" + query);
        }

        /** The proxied URL of a database, with extra parameters (driftd.* or driver options). */
        String proxied(String db, String extra) {
            String q = query + (extra == null || extra.isEmpty() ? "" : (query.isEmpty() ? "" : "&") + extra);
            return "jdbc:driftd:" + base.substring("jdbc:".length()) + db + (q.isEmpty() ? "" : "?" + q);
        }

        String createDatabase(String prefix) throws SQLException {
            String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection c = DriverManager.getConnection(url(adminDb)); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return name;
        }

        void dropDatabase(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(url(adminDb)); Statement s = c.createStatement()) {
                s.execute(base.startsWith("jdbc:postgresql:") ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    /** The PostgreSQL server, or null when there is none and the switch is off. */
    static Server postgres() {
        return resolve("DRIFTD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/", "user=postgres", "postgres", 5432,
                "PostgreSQL");
    }

    /** The MySQL-family server, or null when there is none and the switch is off. */
    static Server mysql() {
        return resolve("DRIFTD_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/", "user=root", "mysql", 3306,
                "MySQL/MariaDB");
    }

    private static Server resolve(String env, String localBase, String localQuery, String adminDb, int port,
                                  String what) {
        String url = System.getenv(env);
        if (url != null && !url.isBlank()) {
            int q = url.indexOf('?');
            String base = q < 0 ? url : url.substring(0, q);
            int slash = base.indexOf('/', base.indexOf("://") + 3);
            return new Server(slash < 0 ? base + "/" : base.substring(0, slash + 1), q < 0 ? "" : url.substring(q + 1),
                    adminDb);
        }
        // as the daemon's tests: the port answering is not enough, the login must work too
        if (answers(port) && canLogin(localBase + adminDb + "?" + localQuery)) {
            return new Server(localBase, localQuery, adminDb);
        }
        if ("1".equals(System.getenv(REQUIRE_SWITCH))) {
            throw new AssertionError(REQUIRE_SWITCH + "=1 but no " + what + ": " + env + " is unset and nothing logs in on 127.0.0.1:"
                    + port);
        }
        return null;
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canLogin(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
