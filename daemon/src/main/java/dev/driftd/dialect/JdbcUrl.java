package dev.driftd.dialect;

import dev.driftd.util.UrlRedaction;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one reading of a member's JDBC URL ({@code jdbc:postgresql|mysql|mariadb://hosts/database?params},
 * or PostgreSQL's {@code jdbc:postgresql:database}) that fleets, discovery, DDL events, the CLI and the
 * connections share. The database is held decoded, as the drivers decode a URL's path (UTF-8 percent
 * escapes, {@code +} a space), and written back percent-encoded, so any name survives the round trip.
 * Connections do not hand the database to the driver inside the URL at all: {@link #serverUrl()} has
 * an empty path and the family's {@link JdbcFamily#databaseProperty()} carries the name.
 *
 * @param prefix    everything before the authority ({@code jdbc:postgresql:}, {@code jdbc:mysql:loadbalance:})
 * @param authority the hosts as written (credentials, several hosts, {@code address=(…)} kept byte for
 *                  byte), or null for the authority-less {@code jdbc:postgresql:database} form
 * @param database  decoded; {@code ""} when the URL names none
 * @param query     {@code ?…} as written, or {@code ""}
 */
public record JdbcUrl(JdbcFamily family, String prefix, String authority, String database, String query) {

    public JdbcUrl {
        database = database == null ? "" : database;
        query = query == null ? "" : query;
    }

    /** Reads a URL; IllegalArgumentException (password-free) when it is not one of ours or malformed. */
    public static JdbcUrl parse(String url) {
        JdbcFamily family = JdbcFamily.of(url);
        int q = indexOutsideParens(url, '?', 0);
        String noQuery = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q);
        int slashes = noQuery.indexOf("//");
        if (slashes < 0) {
            // jdbc:postgresql:database (localhost, default port)
            int colon = noQuery.indexOf(':', "jdbc:".length());
            return new JdbcUrl(family, noQuery.substring(0, colon + 1), null,
                    decode(noQuery.substring(colon + 1), url), query);
        }
        String rest = noQuery.substring(slashes + 2);
        int slash = indexOutsideParens(rest, '/', 0);
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 ? "" : decode(rest.substring(slash + 1), url);
        return new JdbcUrl(family, noQuery.substring(0, slashes), authority, db, query);
    }

    /** True for PostgreSQL URLs (one database, several schemas), false for MySQL/MariaDB. */
    public boolean postgres() {
        return family.name().equals("postgres");
    }

    /** The same server and parameters, another database. */
    public JdbcUrl withDatabase(String newDatabase) {
        return new JdbcUrl(family, prefix, authority, newDatabase, query);
    }

    /** The URL as text, the database percent-encoded: what a member's {@code url} reads. */
    @Override
    public String toString() {
        if (authority == null) {
            return prefix + encode(database) + query;
        }
        return prefix + "//" + authority + "/" + encode(database) + query;
    }

    /**
     * The URL for the driver: the database path left empty, to be passed as the family's
     * {@link JdbcFamily#databaseProperty()} instead, so the driver never parses a database name.
     */
    public String serverUrl() {
        return prefix + "//" + (authority == null ? "localhost" : authority) + "/" + query;
    }

    /** The first host as written (brackets of an IPv6 literal removed), {@code localhost} when none. */
    public String host() {
        String first = firstHost();
        if (first.startsWith("address=") || first.startsWith("(")) {
            String h = addressPart(first, "host");
            return h == null ? "localhost" : h;
        }
        String host;
        if (first.startsWith("[")) {
            int close = first.indexOf(']');
            host = first.substring(1, close < 0 ? first.length() : close);
        } else {
            int colon = first.indexOf(':');
            host = colon < 0 ? first : first.substring(0, colon);
        }
        return host.isEmpty() ? "localhost" : host;
    }

    /** The first host's port, the family's default when the URL gives none. */
    public int port() {
        String first = firstHost();
        String text;
        if (first.startsWith("address=") || first.startsWith("(")) {
            text = addressPart(first, "port");
        } else if (first.startsWith("[")) {
            int close = first.indexOf(']');
            text = close >= 0 && close + 1 < first.length() && first.charAt(close + 1) == ':' ? first.substring(close + 2) : null;
        } else {
            int colon = first.indexOf(':');
            text = colon < 0 ? null : first.substring(colon + 1);
        }
        if (text == null || text.isEmpty()) {
            return family.defaultPort();
        }
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + text + "' in a JDBC URL");
        }
    }

    /** {@code host:port} of the first server, host lower-cased: the key of per-server limits. */
    public String server() {
        String h = host().toLowerCase(Locale.ROOT);
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port();
    }

    /** A host for comparison: case-insensitive, and every loopback spelling is the same host. */
    public static String comparableHost(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty() || h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return "loopback";
        }
        return h;
    }

    private String firstHost() {
        if (authority == null) {
            return "";
        }
        String a = authority;
        int at = a.lastIndexOf('@');
        if (at >= 0 && a.indexOf('(') < 0) {
            a = a.substring(at + 1);
        }
        if (a.startsWith("[") && a.contains("address=")) {
            a = a.substring(1); // Connector/J's [address=(…),address=(…)] list
        }
        int comma = indexOutsideParens(a, ',', 0);
        return comma < 0 ? a : a.substring(0, comma);
    }

    /** {@code host} or {@code port} of a Connector/J {@code address=(host=h)(port=p)} entry. */
    private static String addressPart(String entry, String key) {
        int i = entry.indexOf("(" + key + "=");
        if (i < 0) {
            return null;
        }
        int end = entry.indexOf(')', i);
        return entry.substring(i + key.length() + 2, end < 0 ? entry.length() : end);
    }

    /** First {@code c} outside parentheses and brackets (MySQL's {@code address=(…)} may hold any). */
    private static int indexOutsideParens(String s, char c, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == ')' || ch == ']') && depth > 0) {
                depth--;
            } else if (ch == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** As pgjdbc and Connector/J decode a URL's path: UTF-8 percent escapes, {@code +} a space. */
    static String decode(String raw, String url) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad percent escape in the database of " + UrlRedaction.redact(url));
        }
    }

    /** Percent-encodes every byte but the unreserved ones, so no driver reads a name as anything else. */
    public static String encode(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
