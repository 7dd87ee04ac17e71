package dev.driftd.http;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * How the admin server listens: bind address (127.0.0.1:9741 by default), tokens, whether
 * /metrics needs a read token, and the largest request body accepted.
 */
public record HttpSettings(InetSocketAddress bind, List<ApiToken> tokens, boolean metricsNeedToken,
                           int maxRequestBytes) {
    public static final String DEFAULT_BIND = "127.0.0.1:9741";
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

    public HttpSettings {
        tokens = List.copyOf(tokens);
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
    }

    public static HttpSettings defaults(List<ApiToken> tokens) {
        return new HttpSettings(parseBind(DEFAULT_BIND), tokens, false, DEFAULT_MAX_REQUEST_BYTES);
    }

    /** Parses {@code host:port} ({@code [v6]:port} too); port 0 picks a free port. */
    public static InetSocketAddress parseBind(String s) {
        String v = s == null ? "" : s.trim();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException("bind '" + s + "' is not host:port");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bind '" + s + "' has a port that is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bind '" + s + "' has a port out of range");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
