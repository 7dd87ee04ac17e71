package dev.driftd.config;

import dev.driftd.dialect.DbTarget;
import dev.driftd.util.UrlRedaction;

/** An explicit fleet member: its name, where it is, and for PostgreSQL optionally one schema. */
public record MemberConfig(String name, String url, String user, Secret password, String schema) {
    public DbTarget target() {
        return new DbTarget(url, user, Secret.reveal(password), schema);
    }

    @Override
    public String toString() {
        return "MemberConfig[name=" + name + ", url=" + UrlRedaction.redact(url) + ", user=" + user + ", password="
                + password + ", schema=" + schema + "]";
    }
}
