package dev.driftd.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Host, port, database and family of a member's JDBC URL; hosts normalized for comparison. */
record JdbcAddress(boolean postgres, String host, int port, String database) {

    static JdbcAddress parse(String url) {
        boolean pg = url.startsWith("jdbc:postgresql:");
        boolean my = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
        if (!pg && !my) {
            throw new IllegalArgumentException("not a PostgreSQL, MySQL or MariaDB JDBC URL: "
                    + url.substring(0, Math.min(url.length(), url.indexOf(':', 5) + 1)));
        }
        int defaultPort = pg ? 5432 : 3306;
        int q = url.indexOf('?');
        String noQuery = q < 0 ? url : url.substring(0, q);
        int slashes = noQuery.indexOf("//");
        if (slashes < 0) {
            return new JdbcAddress(pg, normalizeHost("localhost"), defaultPort,
                    decode(noQuery.substring(noQuery.lastIndexOf(':') + 1)));
        }
        String rest = noQuery.substring(slashes + 2);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 ? "" : decode(rest.substring(slash + 1));
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int comma = authority.indexOf(',');
        String first = comma < 0 ? authority : authority.substring(0, comma);
        String host;
        String port = null;
        if (first.startsWith("[")) {
            int close = first.indexOf(']');
            host = first.substring(1, close < 0 ? first.length() : close);
            if (close >= 0 && close + 1 < first.length() && first.charAt(close + 1) == ':') {
                port = first.substring(close + 2);
            }
        } else {
            int colon = first.indexOf(':');
            host = colon < 0 ? first : first.substring(0, colon);
            port = colon < 0 ? null : first.substring(colon + 1);
        }
        int p = defaultPort;
        if (port != null && !port.isEmpty()) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port '" + port + "' in a JDBC URL");
            }
        }
        return new JdbcAddress(pg, normalizeHost(host.isEmpty() ? "localhost" : host), p, db);
    }

    /** Case-insensitive, and every loopback spelling is the same host. */
    static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return "loopback";
        }
        return h;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
