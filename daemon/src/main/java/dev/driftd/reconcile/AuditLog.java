package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;
import dev.driftd.store.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every plan, approval, apply (and each statement of a MySQL-family apply) and every rollout step
 * recorded in the store (table {@code driftd_audit}) with the token's NAME, time, SQL, result and
 * before/after fingerprints. Secrets never reach it: callers pass token names only.
 */
public final class AuditLog {
    private final Jdbc jdbc;

    public AuditLog(PlanStore plans) {
        this.jdbc = plans.jdbc();
    }

    /** An entry to record: who did what to which member; the rest is set as it applies. */
    public static Draft entry(String fleet, String member, String action, String token) {
        return new Draft(fleet, member, action, token);
    }

    /** The fields of one entry as they are known; {@link #record(Draft)} writes it. */
    public static final class Draft {
        private final String fleet;
        private final String member;
        private final String action;
        private final String token;
        private String planId;
        private String rolloutId;
        private String sql;
        private String result;
        private String beforeFp;
        private String afterFp;

        private Draft(String fleet, String member, String action, String token) {
            this.fleet = fleet;
            this.member = member;
            this.action = action;
            this.token = token;
        }

        public Draft plan(String id) {
            planId = id;
            return this;
        }

        public Draft rollout(String id) {
            rolloutId = id;
            return this;
        }

        public Draft sql(String text) {
            sql = text;
            return this;
        }

        public Draft result(String text) {
            result = text;
            return this;
        }

        public Draft fingerprints(String before, String after) {
            beforeFp = before;
            afterFp = after;
            return this;
        }
    }

    public void record(Draft e) {
        jdbc.call("record an audit entry", c -> {
            insert(c, e);
            return null;
        });
    }

    /** Writes the entry on {@code c}, inside the caller's transaction (with the change it records). */
    static void insert(Connection c, Draft e) throws SQLException {
        Jdbc.update(c, "INSERT INTO driftd_audit (at, fleet, member, plan_id, rollout_id, action, token, sql_text, "
                        + "result, before_fp, after_fp) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                Instant.now(), e.fleet, e.member, e.planId, e.rolloutId, e.action, e.token, e.sql,
                e.result == null ? null : SqlErrors.masked(e.result), // errors quoted in results
                e.beforeFp, e.afterFp);
    }

    /** What to read: null fields match everything. */
    public record Query(String fleet, String member, String rolloutId, Instant since, Instant until) {
    }

    /** Entries oldest first, at most {@code limit}. */
    public List<AuditEntry> query(Query q, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, fleet, member, plan_id, rollout_id, action, token, sql_text, "
                + "result, before_fp, after_fp FROM driftd_audit WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.fleet() != null) {
            sql.append(" AND fleet = ?");
            args.add(q.fleet());
        }
        if (q.member() != null) {
            sql.append(" AND member = ?");
            args.add(q.member());
        }
        if (q.rolloutId() != null) {
            sql.append(" AND rollout_id = ?");
            args.add(q.rolloutId());
        }
        if (q.since() != null) {
            sql.append(" AND at >= ?");
            args.add(q.since());
        }
        if (q.until() != null) {
            sql.append(" AND at < ?");
            args.add(q.until());
        }
        sql.append(" ORDER BY id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.call("read the audit log", c -> Jdbc.query(c, sql.toString(),
                rs -> new AuditEntry(rs.getLong(1), Jdbc.instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12)),
                args.toArray()));
    }
}
