package dev.driftd.fleet;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code jdbc:postgresql|mysql|mariadb://host[:port][,host…]/[database][?params]}
 * URL that fleets need: the server (for per-server limits) and the database (to point a
 * discovered member's URL at its own database).
 */
public final class JdbcUrls {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+:)//([^/?]*)(/([^?;]*))?([?;].*)?");

    private JdbcUrls() {
    }

    /** {@code host:port} (the first host of a multi-host URL), with the flavor's default port. */
    public static String server(String url) {
        Matcher m = match(url);
        String hosts = m.group(2);
        int at = hosts.lastIndexOf('@');
        String first = hosts.substring(at + 1).split(",")[0].toLowerCase(Locale.ROOT);
        if (first.matches(".*:\\d+$") && !first.endsWith("]")) {
            return first;
        }
        return first + ":" + (m.group(1).startsWith("jdbc:postgresql") ? 5432 : 3306);
    }

    /** The database in the URL, or "" when it names none. */
    public static String database(String url) {
        Matcher m = match(url);
        return m.group(4) == null ? "" : m.group(4);
    }

    /** The same URL pointing at another database, parameters kept. */
    public static String withDatabase(String url, String database) {
        Matcher m = match(url);
        return m.group(1) + "//" + m.group(2) + "/" + database + (m.group(5) == null ? "" : m.group(5));
    }

    private static Matcher match(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a server URL: " + dev.driftd.dialect.DbTarget.redact(url));
        }
        return m;
    }
}
