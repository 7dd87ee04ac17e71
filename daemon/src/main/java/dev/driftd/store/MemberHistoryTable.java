package dev.driftd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each member's history of fingerprints ({@code driftd_member_history}): one row per stretch with one fingerprint. */
final class MemberHistoryTable {
    private record Last(long id, String fingerprint) {
    }

    private final Jdbc jdbc;

    MemberHistoryTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The member had {@code fp} at {@code at}: its latest stretch grows when it is that fingerprint, else one starts. */
    static void seen(Connection c, String fleet, String member, String fp, Instant at) throws SQLException {
        Optional<Last> last = Jdbc.queryFirst(c, "SELECT id, fingerprint FROM driftd_member_history "
                        + "WHERE fleet = ? AND member = ? ORDER BY last_seen DESC, id DESC",
                rs -> new Last(rs.getLong(1), rs.getString(2)), fleet, member);
        if (last.isPresent() && fp.equals(last.get().fingerprint())) {
            Jdbc.update(c, "UPDATE driftd_member_history SET last_seen = ? WHERE id = ?", at, last.get().id());
        } else {
            Jdbc.update(c, "INSERT INTO driftd_member_history (fleet, member, fingerprint, first_seen, last_seen) "
                    + "VALUES (?, ?, ?, ?, ?)", fleet, member, fp, at, at);
        }
    }

    List<HistoryEntry> list(String fleet, String member) {
        return jdbc.call("read history of " + fleet + "/" + member, c -> Jdbc.query(c,
                "SELECT fingerprint, first_seen, last_seen FROM driftd_member_history "
                        + "WHERE fleet = ? AND member = ? ORDER BY first_seen, id",
                rs -> new HistoryEntry(fleet, member, rs.getString(1), Jdbc.instant(rs, 2), Jdbc.instant(rs, 3)),
                fleet, member));
    }
}
