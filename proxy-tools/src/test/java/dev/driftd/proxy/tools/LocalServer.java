package dev.driftd.proxy.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A local PostgreSQL (postgres, trust) or MariaDB (root, no password) with one scratch database per test. */
final class LocalServer {
    final String scheme; // postgresql or mysql
    final int port;
    final String query;
    final String adminDb;

    private LocalServer(String scheme, int port, String query, String adminDb) {
        this.scheme = scheme;
        this.port = port;
        this.query = query;
        this.adminDb = adminDb;
    }

    static LocalServer postgres() {
        return answers(5432) ? new LocalServer("postgresql", 5432, "user=postgres", "postgres") : null;
    }

    static LocalServer mariadb() {
        return answers(3306) ? new LocalServer("mysql", 3306, "user=root", "mysql") : null;
    }

    String url(String db) {
        return "jdbc:" + scheme + "://127.0.0.1:" + port + "/" + db + "?" + query;
    }

    String proxied(String db, String extra) {
        return "jdbc:driftd:" + scheme + "://127.0.0.1:" + port + "/" + db + "?" + query + "&" + extra;
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
            s.execute(scheme.equals("postgresql") ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + name);
        }
    }

    long count(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
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
