package dev.driftd.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and upgrades the store's tables from the versioned SQL resources
 * {@code db/store/V<n>__<what>.sql}, recording each version applied in {@code driftd_schema_version}.
 * <p>
 * A small runner rather than Flyway: every store written so far records its versions in
 * {@code driftd_schema_version}, which Flyway would have to be bridged from (a baseline per
 * existing store); the store needs forward-only, in-order versions, one placeholder
 * ({@code ${text}}: TEXT on PostgreSQL, CLOB on H2) and one lock, which fit in this class.
 * <p>
 * On PostgreSQL the whole upgrade runs in one transaction under a transaction-scoped advisory
 * lock, so several daemons starting at once against one store take turns instead of racing on
 * CREATE TABLE; an embedded H2 file is single-process. A store whose version is newer than the
 * resources this driftd carries is refused, never written.
 */
final class StoreSchema {
    /** Arbitrary, fixed: "driftd" in ASCII, the key of the migration advisory lock. */
    private static final long LOCK_KEY = 0x647269667464L;

    /** The versions in order; a new version is a new resource file named here. */
    private static final List<String> VERSIONS = List.of(
            "V1__snapshots_members_drift_fleets.sql",
            "V2__ddl_events.sql",
            "V3__plans_audit_rollouts.sql",
            "V4__shard_state.sql",
            "V5__waivers.sql",
            "V6__member_history_index_without_last_seen.sql");

    private StoreSchema() {
    }

    /** The newest schema version this code writes. */
    static int latest() {
        return VERSIONS.size();
    }

    /** The statements of {@code version} (1-based) for the store's database, placeholders filled in. */
    static List<String> statements(int version, boolean postgres) {
        String name = VERSIONS.get(version - 1);
        String text;
        try (InputStream in = StoreSchema.class.getResourceAsStream("/db/store/" + name)) {
            if (in == null) {
                throw new IllegalStateException("store schema resource db/store/" + name + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read store schema resource " + name, e);
        }
        return split(text.replace("${text}", postgres ? "TEXT" : "CLOB"));
    }

    /** Statements end with a semicolon at the end of a line; lines starting with {@code --} are comments. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(current.length() == 0 ? "" : " ").append(trimmed);
            if (trimmed.endsWith(";")) {
                current.setLength(current.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    static void migrate(Connection c, boolean postgres) throws SQLException {
        Jdbc.transaction(c, () -> {
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS driftd_schema_version (version INT NOT NULL PRIMARY KEY, "
                        + "applied TIMESTAMP WITH TIME ZONE NOT NULL)");
                int current = current(c);
                if (current > latest()) {
                    throw new SQLException(newerMessage(current));
                }
                for (int v = current + 1; v <= latest(); v++) {
                    for (String sql : statements(v, postgres)) {
                        s.execute(sql);
                    }
                    Jdbc.update(c, "INSERT INTO driftd_schema_version (version, applied) VALUES (?, ?)", v,
                            Instant.now());
                }
            }
            return null;
        });
    }

    /** The one-line refusal of a store written by a newer driftd. */
    static String newerMessage(int found) {
        return "store schema version " + found + " is newer than this driftd (knows 1.." + latest()
                + "); upgrade driftd";
    }

    static int current(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, "SELECT COALESCE(MAX(version), 0) FROM driftd_schema_version", rs -> rs.getInt(1))
                .orElse(0);
    }
}
