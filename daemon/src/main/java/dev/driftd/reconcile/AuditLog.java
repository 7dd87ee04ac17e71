package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Every plan, approval, apply (and each statement of a MySQL-family apply) and every rollout step
 * recorded in the store (table {@code driftd_audit}) with the token's NAME, time, SQL, result and
 * before/after fingerprints. Secrets never reach it: callers pass token names only.
 */
public final class AuditLog {
    private final PlanStore db;

    public AuditLog(PlanStore plans) {
        this.db = plans;
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
        db.exec(c -> {
            insert(c, e);
            return null;
        }, "record an audit entry");
    }

    /** Writes the entry on {@code c}, inside the caller's transaction (with the change it records). */
    static void insert(java.sql.Connection c, Draft e) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO driftd_audit (at, fleet, member, plan_id, "
                + "rollout_id, action, token, sql_text, result, before_fp, after_fp) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            ps.setString(2, e.fleet);
            ps.setString(3, e.member);
            ps.setString(4, e.planId);
            ps.setString(5, e.rolloutId);
            ps.setString(6, e.action);
            ps.setString(7, e.token);
            ps.setString(8, e.sql);
            ps.setString(9, e.result == null ? null : SqlErrors.masked(e.result)); // errors quoted in results
            ps.setString(10, e.beforeFp);
            ps.setString(11, e.afterFp);
            ps.executeUpdate();
        }
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
            args.add(OffsetDateTime.ofInstant(q.since(), ZoneOffset.UTC));
        }
        if (q.until() != null) {
            sql.append(" AND at < ?");
            args.add(OffsetDateTime.ofInstant(q.until(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return db.exec(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12)));
                    }
                }
                return out;
            }
        }, "read the audit log");
    }
}
