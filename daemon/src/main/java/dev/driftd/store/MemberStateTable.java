package dev.driftd.store;

import dev.driftd.diff.Severity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Each member's last recorded state ({@code driftd_member_state}): what a restarted daemon starts from. */
final class MemberStateTable {
    private static final List<String> KEY = List.of("fleet", "member");
    private static final List<String> COLUMNS = List.of("state", "fingerprint", "last_snapshot", "drift_since",
            "breaking", "destructive", "additive", "cosmetic", "error_reason", "error", "updated");

    private final Jdbc jdbc;

    MemberStateTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static void save(Connection c, MemberRow r) throws SQLException {
        Jdbc.upsert(c, "driftd_member_state", KEY, COLUMNS, r.state(), r.fingerprint(), r.lastSnapshot(),
                r.driftSince(), r.count(Severity.BREAKING), r.count(Severity.DESTRUCTIVE), r.count(Severity.ADDITIVE),
                r.count(Severity.COSMETIC), r.errorReason(), Jdbc.maskedText(r.error(), 1000), Instant.now(),
                r.fleet(), r.member());
    }

    static void delete(Connection c, String fleet, String member) throws SQLException {
        Jdbc.update(c, "DELETE FROM driftd_member_state WHERE fleet = ? AND member = ?", fleet, member);
    }

    List<MemberRow> list(String fleet) {
        return jdbc.call("read member states of " + fleet, c -> Jdbc.query(c, "SELECT member, state, fingerprint, "
                        + "last_snapshot, drift_since, breaking, destructive, additive, cosmetic, error_reason, error "
                        + "FROM driftd_member_state WHERE fleet = ? ORDER BY member",
                rs -> new MemberRow(fleet, rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, 4),
                        Jdbc.instant(rs, 5), counts(rs, 6), rs.getString(10), rs.getString(11)),
                fleet));
    }

    /** The four severity counts, stored in {@link Severity} order from column {@code first} on. */
    static Map<Severity, Integer> counts(ResultSet rs, int first) throws SQLException {
        Map<Severity, Integer> changes = new EnumMap<>(Severity.class);
        int col = first;
        for (Severity sev : Severity.values()) {
            changes.put(sev, rs.getInt(col++));
        }
        return changes;
    }
}
