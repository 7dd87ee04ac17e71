package dev.driftd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's table of reported DDL statements ({@code driftd_ddl_event}): who ran what on which
 * member, and which drift event it belongs to. A statement is linked when the member is next
 * snapshotted: to the drift event then open, or to none when the member was in sync.
 */
public final class DdlLog {
    private static final String SELECT = "SELECT id, member, received, executed, statement, truncated, command, "
            + "application, db_user, client_host, approved, guard, drift_event_id FROM driftd_ddl_event";

    private final Jdbc jdbc;

    public DdlLog(Store store) {
        this.jdbc = store.jdbc();
    }

    public void record(String fleet, String member, ReportedDdl e, Instant received) {
        jdbc.call("record a DDL event of " + fleet + "/" + member, c -> Jdbc.update(c, "INSERT INTO driftd_ddl_event "
                        + "(fleet, member, received, executed, statement, truncated, command, application, db_user, "
                        + "client_host, approved, guard, checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                fleet, member, received, e.executed(), e.statement(), e.truncated(), cut(e.command(), 64),
                cut(e.application(), 255), cut(e.user(), 255), cut(e.clientHost(), 255), e.approved(),
                cut(e.guard(), 16)));
    }

    /**
     * After a snapshot of the member that started at {@code snapshotStarted}: statements received
     * before it and not linked yet belong to the drift event open now (null when none is open).
     * Returns how many were linked.
     */
    public int linkToOpenDrift(String fleet, String member, Instant snapshotStarted) {
        return jdbc.call("link DDL events of " + fleet + "/" + member, c -> {
            Long open = Jdbc.queryFirst(c, "SELECT MAX(id) FROM driftd_drift_event "
                            + "WHERE fleet = ? AND member = ? AND resolved IS NULL",
                    rs -> Jdbc.nullableLong(rs, 1), fleet, member).orElse(null);
            return Jdbc.update(c, "UPDATE driftd_ddl_event SET checked = TRUE, drift_event_id = ? "
                    + "WHERE fleet = ? AND member = ? AND checked = FALSE AND received <= ?",
                    open, fleet, member, snapshotStarted);
        });
    }

    /** The member's latest statements, newest first. */
    public List<DdlRecord> recent(String fleet, String member, int limit) {
        return jdbc.call("read DDL events of " + fleet + "/" + member, c -> read(c, SELECT
                + " WHERE fleet = ? AND member = ? ORDER BY received DESC, id DESC"
                + (limit > 0 ? " FETCH FIRST " + limit + " ROWS ONLY" : ""),
                fleet, fleet, member));
    }

    /** Each member's latest statement in the fleet, by member (one query, whatever the member count). */
    public Map<String, DdlRecord> latestByMember(String fleet) {
        return jdbc.call("read the latest DDL events of " + fleet, c -> {
            Map<String, DdlRecord> out = new LinkedHashMap<>();
            for (DdlRecord r : read(c, SELECT + " WHERE fleet = ? AND id IN "
                    + "(SELECT MAX(id) FROM driftd_ddl_event WHERE fleet = ? GROUP BY member)", fleet, fleet, fleet)) {
                out.put(r.member(), r);
            }
            return out;
        });
    }

    /** Deletes statements received before {@code now - retention}; returns how many. */
    public int applyRetention(Duration retention, Instant now) {
        return jdbc.call("delete old DDL events", c -> Jdbc.update(c,
                "DELETE FROM driftd_ddl_event WHERE received < ?", now.minus(retention)));
    }

    private static List<DdlRecord> read(Connection c, String sql, String fleet, Object... args) throws SQLException {
        return Jdbc.query(c, sql, rs -> new DdlRecord(rs.getLong(1), fleet, rs.getString(2), Jdbc.instant(rs, 3),
                Jdbc.instant(rs, 4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getString(12), Jdbc.nullableLong(rs, 13)),
                args);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
