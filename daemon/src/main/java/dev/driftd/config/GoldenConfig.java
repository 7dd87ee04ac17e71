package dev.driftd.config;

import dev.driftd.dialect.DbTarget;
import dev.driftd.util.UrlRedaction;

import java.nio.file.Path;

/** Where a fleet's golden schema comes from; resolved once per sweep. */
public sealed interface GoldenConfig {
    /** A short description for logs and the API, never with a secret. */
    String describe();

    /** A member of the fleet, by name (explicit or discovered). */
    record Member(String member) implements GoldenConfig {
        @Override
        public String describe() {
            return "member " + member;
        }
    }

    /** Any database, by URL (optionally one PostgreSQL schema). */
    record Url(String url, String user, Secret password, String schema) implements GoldenConfig {
        public DbTarget target() {
            return new DbTarget(url, user, Secret.reveal(password), schema);
        }

        @Override
        public String describe() {
            return "url " + target();
        }

        @Override
        public String toString() {
            return "Url[" + target() + ", user=" + user + ", password=" + password + "]";
        }
    }

    /** A snapshot from the store's history, by fingerprint (a unique prefix is enough). */
    record Snapshot(String fingerprint) implements GoldenConfig {
        @Override
        public String describe() {
            return "snapshot " + fingerprint;
        }
    }

    /**
     * A SQL file applied to a scratch database (or, with {@code inSchema}, a scratch schema of
     * the URL's PostgreSQL database) created on the {@code scratch} server, inspected, dropped.
     */
    record Sql(Path file, String scratchUrl, String user, Secret password, boolean inSchema) implements GoldenConfig {
        public DbTarget scratchTarget() {
            return new DbTarget(scratchUrl, user, Secret.reveal(password), null);
        }

        @Override
        public String describe() {
            return "sql " + file;
        }

        @Override
        public String toString() {
            return "Sql[file=" + file + ", scratch=" + UrlRedaction.redact(scratchUrl) + ", user=" + user + ", password="
                    + password + ", inSchema=" + inSchema + "]";
        }
    }

    /** The fingerprint most reachable members share (ties: the variant holding the alphabetically first member). */
    record Majority() implements GoldenConfig {
        @Override
        public String describe() {
            return "majority";
        }
    }
}
