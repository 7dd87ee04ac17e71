package dev.driftd.events;

import dev.driftd.dialect.JdbcUrl;

/**
 * Host, port, database and family of a member's URL as events compare them: read by the one URL
 * module ({@link JdbcUrl}, as connections read it), hosts normalized for comparison.
 */
record JdbcAddress(boolean postgres, String host, int port, String database) {

    static JdbcAddress parse(String url) {
        JdbcUrl u = JdbcUrl.parse(url);
        return new JdbcAddress(u.postgres(), normalizeHost(u.host()), u.port(), u.database());
    }

    /** Case-insensitive, and every loopback spelling is the same host. */
    static String normalizeHost(String host) {
        return JdbcUrl.comparableHost(host);
    }
}
