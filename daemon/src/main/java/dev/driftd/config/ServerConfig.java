package dev.driftd.config;

import java.util.List;

/**
 * {@code server:} where the admin API and /metrics listen, the bearer tokens, the optional
 * token /metrics asks for ({@code null}: /metrics needs none), and whether the web console is
 * served at /ui/.
 */
public record ServerConfig(String host, int port, List<TokenConfig> tokens, Secret metricsToken, boolean ui) {
    public static final String DEFAULT_BIND = "127.0.0.1:9741";

    public ServerConfig {
        tokens = List.copyOf(tokens);
    }

    /** The console on (its default). */
    public ServerConfig(String host, int port, List<TokenConfig> tokens, Secret metricsToken) {
        this(host, port, tokens, metricsToken, true);
    }

    /** {@code host:port} as written in the config. */
    public String bind() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
