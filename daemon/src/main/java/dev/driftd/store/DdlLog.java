package dev.driftd.store;

import dev.driftd.events.DdlEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    private final Store store;

    public DdlLog(Store store) {
        this.store = store;
    }

    public void record(String fleet, String member, DdlEvent e, Instant received) {
        store.call("record a DDL event of " + fleet + "/" + member, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO driftd_ddl_event (fleet, member, received, "
                    + "executed, statement, truncated, command, application, db_user, client_host, approved, guard, "
                    + "checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)")) {
                int i = 1;
                p.setString(i++, fleet);
                p.setString(i++, member);
                p.setObject(i++, ts(received));
                p.setObject(i++, ts(e.time()));
                p.setString(i++, e.statement());
                p.setBoolean(i++, e.truncated());
                p.setString(i++, cut(e.command(), 64));
                p.setString(i++, cut(e.application(), 255));
                p.setString(i++, cut(e.user(), 255));
                p.setString(i++, cut(e.clientHost(), 255));
                p.setBoolean(i++, e.approved());
                p.setString(i++, cut(e.guard(), 16));
                return p.executeUpdate();
            }
        });
    }

    /**
     * After a snapshot of the member that started at {@code snapshotStarted}: statements received
     * before it and not linked yet belong to the drift event open now (null when none is open).
     * Returns how many were linked.
     */
    public int linkToOpenDrift(String fleet, String member, Instant snapshotStarted) {
        return store.call("link DDL events of " + fleet + "/" + member, c -> {
            Long open = null;
            try (PreparedStatement q = c.prepareStatement("SELECT MAX(id) FROM driftd_drift_event "
                    + "WHERE fleet = ? AND member = ? AND resolved IS NULL")) {
                q.setString(1, fleet);
                q.setString(2, member);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        long id = rs.getLong(1);
                        open = rs.wasNull() ? null : id;
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE driftd_ddl_event SET checked = TRUE, drift_event_id = ? "
                    + "WHERE fleet = ? AND member = ? AND checked = FALSE AND received <= ?")) {
                if (open == null) {
                    u.setNull(1, Types.BIGINT);
                } else {
                    u.setLong(1, open);
                }
                u.setString(2, fleet);
                u.setString(3, member);
                u.setObject(4, ts(snapshotStarted));
                return u.executeUpdate();
            }
        });
    }

    /** The member's latest statements, newest first. */
    public List<DdlRecord> recent(String fleet, String member, int limit) {
        return store.call("read DDL events of " + fleet + "/" + member, c -> {
            try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE fleet = ? AND member = ? "
                    + "ORDER BY received DESC, id DESC")) {
                q.setString(1, fleet);
                q.setString(2, member);
                q.setMaxRows(limit);
                return read(q, fleet);
            }
        });
    }

    /** Each member's latest statement in the fleet, by member (one query, whatever the member count). */
    public Map<String, DdlRecord> latestByMember(String fleet) {
        return store.call("read the latest DDL events of " + fleet, c -> {
            try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE fleet = ? AND id IN "
                    + "(SELECT MAX(id) FROM driftd_ddl_event WHERE fleet = ? GROUP BY member)")) {
                q.setString(1, fleet);
                q.setString(2, fleet);
                Map<String, DdlRecord> out = new LinkedHashMap<>();
                for (DdlRecord r : read(q, fleet)) {
                    out.put(r.member(), r);
                }
                return out;
            }
        });
    }

    /** Deletes statements received before {@code now - retention}; returns how many. */
    public int applyRetention(Duration retention, Instant now) {
        return store.call("delete old DDL events", c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM driftd_ddl_event WHERE received < ?")) {
                d.setObject(1, ts(now.minus(retention)));
                return d.executeUpdate();
            }
        });
    }

    private static List<DdlRecord> read(PreparedStatement q, String fleet) throws SQLException {
        List<DdlRecord> out = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long drift = rs.getLong(13);
                Long driftId = rs.wasNull() ? null : drift;
                out.add(new DdlRecord(rs.getLong(1), fleet, rs.getString(2), instant(rs, 3), instant(rs, 4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getBoolean(11), rs.getString(12), driftId));
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
