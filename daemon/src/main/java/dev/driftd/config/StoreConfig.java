package dev.driftd.config;

import dev.driftd.util.UrlRedaction;

import java.time.Duration;

/**
 * {@code store:} the JDBC URL of the daemon's own database (embedded H2 or PostgreSQL), its
 * credentials, and how long history and resolved drift events are kept.
 */
public record StoreConfig(String url, String user, Secret password, Duration retention) {
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/driftd";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + UrlRedaction.redact(url) + ", user=" + user + ", password=" + password
                + ", retention=" + retention + "]";
    }
}
