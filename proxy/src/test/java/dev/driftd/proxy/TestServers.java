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
 * Where the proxy tests find real servers (the daemon's TestDatabases is not visible from this
 * module): DRIFTD_TEST_PG_URL / DRIFTD_TEST_MYSQL_URL when set, else the local services on
 * 127.0.0.1 (postgres / root, no password). Tests skip when neither answers.
 */
final class TestServers {
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

    static Server postgres() {
        return resolve("DRIFTD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/", "user=postgres", "postgres", 5432);
    }

    static Server mysql() {
        return resolve("DRIFTD_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/", "user=root", "mysql", 3306);
    }

    private static Server resolve(String env, String localBase, String localQuery, String adminDb, int port) {
        String url = System.getenv(env);
        if (url != null && !url.isBlank()) {
            int q = url.indexOf('?');
            String base = q < 0 ? url : url.substring(0, q);
            int slash = base.indexOf('/', base.indexOf("://") + 3);
            return new Server(slash < 0 ? base + "/" : base.substring(0, slash + 1), q < 0 ? "" : url.substring(q + 1),
                    adminDb);
        }
        if (answers(port)) {
            return new Server(localBase, localQuery, adminDb);
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
}
