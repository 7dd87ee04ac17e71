package dev.driftd.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns jdbc:driftd: URLs into the real driver's URL and reads the server address from a URL. */
final class JdbcUrls {
    static final String PREFIX = "jdbc:driftd:";
    static final String SETTING_PREFIX = "driftd.";

    private static final Pattern ADDRESS_HOST = Pattern.compile("host=([^)]+)");
    private static final Pattern ADDRESS_PORT = Pattern.compile("port=(\\d+)");

    private JdbcUrls() {
    }

    /** The real URL with every driftd.* parameter removed, and those parameters decoded. */
    static final class Split {
        final String realUrl;
        final Map<String, String> settings;

        Split(String realUrl, Map<String, String> settings) {
            this.realUrl = realUrl;
            this.settings = settings;
        }
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * jdbc:driftd:postgresql://h/db?a=1&driftd.guard=block -> jdbc:postgresql://h/db?a=1 + {driftd.guard=block}.
     * jdbc:driftd:jdbc:postgresql://... (the real URL pasted whole after the prefix, a common first
     * try) means the same and is taken as such.
     */
    static Split split(String driftdUrl) {
        String rest = driftdUrl.substring(PREFIX.length());
        if (rest.regionMatches(true, 0, "jdbc:", 0, 5)) {
            rest = rest.substring(5);
        }
        String real = "jdbc:" + rest;
        Map<String, String> settings = new LinkedHashMap<>();
        int q = real.indexOf('?');
        if (q < 0) {
            return new Split(real, settings);
        }
        StringBuilder kept = new StringBuilder(real.length());
        kept.append(real, 0, q);
        char sep = '?';
        for (String pair : real.substring(q + 1).split("&", -1)) {
            if (pair.startsWith(SETTING_PREFIX)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                settings.put(key, value);
            } else if (!pair.isEmpty()) {
                kept.append(sep).append(pair); // byte for byte: the real driver decodes its own
                sep = '&';
            }
        }
        return new Split(kept.toString(), settings);
    }

    /** Where a real URL points: first host, port (the flavor's default when absent), database. */
    static ServerAddress server(String realUrl, SqlFlavor flavor) {
        int defaultPort = flavor == SqlFlavor.POSTGRES ? 5432 : flavor == SqlFlavor.MYSQL ? 3306 : -1;
        int slashes = realUrl.indexOf("//");
        int q = realUrl.indexOf('?');
        String noQuery = q < 0 ? realUrl : realUrl.substring(0, q);
        if (slashes < 0 || (q >= 0 && slashes > q)) {
            // jdbc:postgresql:dbname means localhost
            int colon = noQuery.lastIndexOf(':');
            String db = colon < 0 ? "" : noQuery.substring(colon + 1);
            return new ServerAddress("localhost", defaultPort, decode(db));
        }
        String rest = noQuery.substring(slashes + 2);
        int slash = authorityEnd(rest);
        String authority = rest.substring(0, slash);
        String db = slash < rest.length() ? rest.substring(slash + 1) : "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        int port = defaultPort;
        if (authority.startsWith("address=") || authority.startsWith("(")) {
            Matcher h = ADDRESS_HOST.matcher(authority);
            Matcher p = ADDRESS_PORT.matcher(authority);
            host = h.find() ? h.group(1) : "localhost";
            if (p.find()) {
                port = Integer.parseInt(p.group(1));
            }
        } else {
            String first = firstHost(authority);
            String portText = null;
            if (first.startsWith("[")) {
                int close = first.indexOf(']');
                host = close < 0 ? first.substring(1) : first.substring(1, close);
                if (close >= 0 && close + 1 < first.length() && first.charAt(close + 1) == ':') {
                    portText = first.substring(close + 2);
                }
            } else {
                int colon = first.indexOf(':');
                host = colon < 0 ? first : first.substring(0, colon);
                portText = colon < 0 ? null : first.substring(colon + 1);
            }
            if (portText != null && !portText.isEmpty()) {
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    // an unparsable port is the real driver's error to report; keep the default
                }
            }
            if (host.isEmpty()) {
                host = "localhost";
            }
        }
        return new ServerAddress(host, port, decode(db));
    }

    /** End of the authority: the first '/' outside parentheses (MySQL address=(...) may hold none). */
    private static int authorityEnd(String rest) {
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '/' && depth <= 0) {
                return i;
            }
        }
        return rest.length();
    }

    private static String firstHost(String authority) {
        int comma = authority.indexOf(',');
        return comma < 0 ? authority : authority.substring(0, comma);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The first server of a URL; port -1 when the flavor has no default and the URL gives none. */
    static final class ServerAddress {
        final String host;
        final int port;
        final String database;

        ServerAddress(String host, int port, String database) {
            this.host = host;
            this.port = port;
            this.database = database;
        }
    }
}
