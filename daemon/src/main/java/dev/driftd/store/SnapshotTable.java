package dev.driftd.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots stored once per fingerprint ({@code driftd_snapshot}), as canonical JSON: a fleet of
 * identical tenants stores one.
 */
final class SnapshotTable implements SnapshotArchive {
    private final Jdbc jdbc;

    SnapshotTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code snapshot} unless its fingerprint is there already (also when another node races us). */
    static void save(Connection c, Snapshot snapshot, Instant now) throws SQLException {
        String fp = snapshot.fingerprint();
        if (Jdbc.queryFirst(c, "SELECT 1 FROM driftd_snapshot WHERE fingerprint = ?", rs -> true, fp).isPresent()) {
            return;
        }
        String json;
        try {
            json = Canonical.MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialize snapshot " + fp + ": " + e.getOriginalMessage(), e);
        }
        try {
            Jdbc.update(c, "INSERT INTO driftd_snapshot (fingerprint, flavor, created, body) VALUES (?, ?, ?, ?)",
                    fp, snapshot.getFlavor() == null ? null : snapshot.getFlavor().name(), now, json);
        } catch (SQLException e) {
            if (!Jdbc.isDuplicate(e)) {
                throw e;
            }
            // another node stored the same fingerprint between our check and insert: same content
        }
    }

    @Override
    public Optional<Snapshot> snapshot(String fingerprint) {
        return jdbc.call("read snapshot " + fingerprint, c -> Jdbc.queryFirst(c,
                "SELECT body FROM driftd_snapshot WHERE fingerprint = ?", rs -> parse(fingerprint, rs.getString(1)),
                fingerprint));
    }

    /** Fingerprints of stored snapshots starting with {@code prefix} (at most 10), for pinning by a short prefix. */
    @Override
    public List<String> fingerprintsStartingWith(String prefix) {
        return jdbc.call("look up snapshot " + prefix, c -> Jdbc.query(c,
                "SELECT fingerprint FROM driftd_snapshot WHERE fingerprint LIKE ? ORDER BY fingerprint "
                        + "FETCH FIRST 10 ROWS ONLY",
                rs -> rs.getString(1), prefix.replaceAll("[^0-9a-f]", "") + "%"));
    }

    private static Snapshot parse(String fingerprint, String json) throws SQLException {
        try {
            return Canonical.MAPPER.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored snapshot " + fingerprint + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
