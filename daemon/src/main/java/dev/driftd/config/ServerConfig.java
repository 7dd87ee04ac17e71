package dev.driftd.config;

import java.util.List;

/**
 * {@code server:} where the admin API and /metrics listen, the bearer tokens, and the optional
 * token /metrics asks for ({@code null}: /metrics needs none).
 */
public record ServerConfig(String host, int port, List<TokenConfig> tokens, Secret metricsToken) {
    public static final String DEFAULT_BIND = "127.0.0.1:9741";

    public ServerConfig {
        tokens = List.copyOf(tokens);
    }

    /** {@code host:port} as written in the config. */
    public String bind() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
