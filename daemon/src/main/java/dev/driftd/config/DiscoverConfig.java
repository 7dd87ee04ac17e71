package dev.driftd.config;

import dev.driftd.dialect.DbTarget;
import dev.driftd.util.UrlRedaction;

import java.util.regex.Pattern;

/**
 * A server to find members on at every sweep: databases matching {@code databases}, or (PostgreSQL)
 * schemas of the URL's database matching {@code schemas}. Exactly one pattern is set; patterns
 * match the whole name.
 */
public record DiscoverConfig(String url, String user, Secret password, Pattern databases, Pattern schemas) {
    public DbTarget target() {
        return new DbTarget(url, user, Secret.reveal(password), null);
    }

    public boolean bySchema() {
        return schemas != null;
    }

    public Pattern pattern() {
        return schemas != null ? schemas : databases;
    }

    @Override
    public String toString() {
        return "DiscoverConfig[url=" + UrlRedaction.redact(url) + ", user=" + user + ", password=" + password
                + (schemas != null ? ", schemas=" + schemas : ", databases=" + databases) + "]";
    }
}
