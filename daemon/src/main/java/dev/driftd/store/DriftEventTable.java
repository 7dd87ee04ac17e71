package dev.driftd.store;

import dev.driftd.diff.Severity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Drift events ({@code driftd_drift_event}): one per period of drift of a member, opened when it
 * is first seen, updated while it lasts, resolved when the member is back in sync or leaves.
 */
final class DriftEventTable {
    private final Jdbc jdbc;

    DriftEventTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The member drifts: its open event takes the latest fingerprints and counts, or one opens at its drift start. */
    static void openOrUpdate(Connection c, MemberRow r, String goldenFp) throws SQLException {
        int updated = Jdbc.update(c, "UPDATE driftd_drift_event SET fingerprint = ?, golden_fingerprint = ?, "
                        + "breaking = ?, destructive = ?, additive = ?, cosmetic = ? "
                        + "WHERE fleet = ? AND member = ? AND resolved IS NULL",
                r.fingerprint(), goldenFp, r.count(Severity.BREAKING), r.count(Severity.DESTRUCTIVE),
                r.count(Severity.ADDITIVE), r.count(Severity.COSMETIC), r.fleet(), r.member());
        if (updated > 0) {
            return;
        }
        Jdbc.update(c, "INSERT INTO driftd_drift_event (fleet, member, opened, fingerprint, golden_fingerprint, "
                        + "breaking, destructive, additive, cosmetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.fleet(), r.member(), r.driftSince() != null ? r.driftSince() : Instant.now(), r.fingerprint(),
                goldenFp, r.count(Severity.BREAKING), r.count(Severity.DESTRUCTIVE), r.count(Severity.ADDITIVE),
                r.count(Severity.COSMETIC));
    }

    static void resolve(Connection c, String fleet, String member, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE driftd_drift_event SET resolved = ? WHERE fleet = ? AND member = ? AND resolved IS NULL",
                at, fleet, member);
    }

    List<DriftEvent> list(String fleet, String member) {
        return jdbc.call("read drift events of " + fleet + "/" + member, c -> Jdbc.query(c,
                "SELECT id, opened, resolved, fingerprint, golden_fingerprint, breaking, destructive, additive, "
                        + "cosmetic FROM driftd_drift_event WHERE fleet = ? AND member = ? ORDER BY opened, id",
                rs -> new DriftEvent(rs.getLong(1), fleet, member, Jdbc.instant(rs, 2), Jdbc.instant(rs, 3),
                        rs.getString(4), rs.getString(5), MemberStateTable.counts(rs, 6)),
                fleet, member));
    }
}
