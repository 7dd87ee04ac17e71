package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.driftd.plan.Plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rollouts and their members in the daemon's store (tables {@code driftd_rollout} and
 * {@code driftd_rollout_member}, created by the store's migrations; H2 and PostgreSQL alike), so a
 * restart, or another node of a cluster, shows them as they were. A running rollout's node writes
 * a heartbeat; a RUNNING rollout whose heartbeat stopped is marked INTERRUPTED by whichever node
 * notices first.
 */
final class RolloutStore {
    /** What a member that was applying when its daemon died is left with. */
    static final String OUTCOME_UNKNOWN = "the daemon running this rollout stopped during this member's apply; "
            + "the outcome is unknown: compare the member's fingerprint with golden's";

    private static final String COLUMNS = "id, fleet, variant_fp, created_by, created_at, body, canary, wave, pause_ms, "
            + "state, started_by, started_at, finished_at, result";

    private final PlanStore db;

    RolloutStore(PlanStore db) {
        this.db = db;
    }

    void insert(Rollout r) {
        db.exec(c -> inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO driftd_rollout (id, fleet, variant_fp, golden_fp, "
                    + "created_by, created_at, destructive, body, canary, wave, pause_ms, state) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.fleet());
                ps.setString(3, r.variantFingerprint());
                ps.setString(4, r.goldenFingerprint());
                ps.setString(5, r.createdBy());
                ps.setObject(6, ts(r.createdAt()));
                ps.setBoolean(7, r.plan().hasDestructive());
                ps.setString(8, PlanStore.json(r.plan()));
                ps.setInt(9, r.canary());
                ps.setInt(10, r.wave());
                ps.setLong(11, r.pause().toMillis());
                ps.setString(12, r.state().name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO driftd_rollout_member (rollout_id, seq, member, "
                    + "wave, state) VALUES (?,?,?,?,?)")) {
                for (RolloutMember m : r.members()) {
                    ps.setString(1, r.id());
                    ps.setInt(2, m.seq());
                    ps.setString(3, m.member());
                    ps.setInt(4, m.wave());
                    ps.setString(5, m.state().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        }), "store rollout " + r.id());
    }

    Optional<Rollout> find(String id) {
        return db.exec(c -> {
            List<Rollout> found = read(c, "SELECT " + COLUMNS + " FROM driftd_rollout WHERE id = ?", id);
            return found.isEmpty() ? Optional.<Rollout>empty() : Optional.of(found.get(0));
        }, "read rollout " + id);
    }

    /** The fleet's rollouts, newest first, at most {@code limit}. */
    List<Rollout> list(String fleet, int limit) {
        return db.exec(c -> read(c, "SELECT " + COLUMNS + " FROM driftd_rollout WHERE fleet = ? "
                + "ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY", fleet), "list rollouts of " + fleet);
    }

    /** What {@link #start} did. */
    record Start(boolean started, String otherRunning) {
    }

    /**
     * PLANNED to RUNNING, only if still PLANNED and no other rollout of its fleet is running. The
     * fleet's rollout rows are locked for the check and the change, so two starts of one rollout,
     * or of two rollouts of one fleet, on one node or two, cannot both win: the second waits for the
     * first to commit and then sees it running.
     */
    Start start(String fleet, String id, String token, Instant at) {
        return db.exec(c -> inTransaction(c, () -> {
            String other = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, state FROM driftd_rollout WHERE fleet = ? ORDER BY id FOR UPDATE")) {
                ps.setString(1, fleet);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (other == null && "RUNNING".equals(rs.getString(2)) && !rs.getString(1).equals(id)) {
                            other = rs.getString(1);
                        }
                    }
                }
            }
            if (other != null) {
                return new Start(false, other);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout SET state = 'RUNNING', started_by = ?, "
                    + "started_at = ?, heartbeat = ? WHERE id = ? AND fleet = ? AND state = 'PLANNED'")) {
                ps.setString(1, token);
                ps.setObject(2, ts(at));
                ps.setObject(3, ts(at));
                ps.setString(4, id);
                ps.setString(5, fleet);
                return new Start(ps.executeUpdate() == 1, null);
            }
        }), "start rollout " + id);
    }

    /** A PLANNED rollout that can no longer start (golden moved). */
    void markStale(String id, String why) {
        db.exec(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE driftd_rollout SET state = 'STALE', result = ? WHERE id = ? AND state = 'PLANNED'")) {
                ps.setString(1, why);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        }, "update rollout " + id);
    }

    /** One member's progress; the rollout's heartbeat with it. */
    void updateMember(String id, RolloutMember m, Instant at) {
        db.exec(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout_member SET state = ?, before_fp = ?, "
                    + "after_fp = ?, error = ?, started_at = ?, finished_at = ? WHERE rollout_id = ? AND seq = ?")) {
                ps.setString(1, m.state().name());
                ps.setString(2, m.beforeFingerprint());
                ps.setString(3, m.afterFingerprint());
                ps.setString(4, m.error() == null ? null : SqlErrors.masked(m.error()));
                ps.setObject(5, ts(m.startedAt()));
                ps.setObject(6, ts(m.finishedAt()));
                ps.setString(7, id);
                ps.setInt(8, m.seq());
                ps.executeUpdate();
            }
            heartbeat(c, List.of(id), at);
            return null;
        }, "update rollout " + id);
    }

    /** RUNNING to {@code state}: members not reached become SKIPPED. */
    void finish(String id, Rollout.State state, String result, Instant at) {
        db.exec(c -> inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout_member SET state = 'SKIPPED' "
                    + "WHERE rollout_id = ? AND state = 'WAITING'")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout SET state = ?, result = ?, "
                    + "finished_at = ?, heartbeat = ? WHERE id = ? AND state = 'RUNNING'")) {
                ps.setString(1, state.name());
                ps.setString(2, result);
                ps.setObject(3, ts(at));
                ps.setObject(4, ts(at));
                ps.setString(5, id);
                ps.executeUpdate();
            }
            return null;
        }), "finish rollout " + id);
    }

    /** This node still runs these rollouts. */
    void heartbeat(Collection<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            db.exec(c -> {
                heartbeat(c, ids, at);
                return null;
            }, "write the rollouts' heartbeat");
        }
    }

    private static void heartbeat(Connection c, Collection<String> ids, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE driftd_rollout SET heartbeat = ? WHERE id = ? AND state = 'RUNNING'")) {
            for (String id : ids) {
                ps.setObject(1, ts(at));
                ps.setString(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * RUNNING rollouts whose heartbeat is older than {@code cutoff} lost their node: INTERRUPTED,
     * the member that was applying FAILED with {@link #OUTCOME_UNKNOWN}, the waiting ones SKIPPED.
     * Returns their ids.
     */
    List<String> interruptOrphans(Instant cutoff, Instant now) {
        return db.exec(c -> {
            List<String> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM driftd_rollout WHERE state = 'RUNNING' AND heartbeat < ?")) {
                ps.setObject(1, ts(cutoff));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            List<String> interrupted = new ArrayList<>();
            for (String id : candidates) {
                boolean mine = inTransaction(c, () -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout SET state = 'INTERRUPTED', "
                            + "result = ?, finished_at = ? WHERE id = ? AND state = 'RUNNING' AND heartbeat < ?")) {
                        ps.setString(1, "the daemon running this rollout stopped (no heartbeat since before " + cutoff
                                + "); members it had not reached were skipped: start a new rollout for them");
                        ps.setObject(2, ts(now));
                        ps.setString(3, id);
                        ps.setObject(4, ts(cutoff));
                        if (ps.executeUpdate() != 1) {
                            return false; // another node took it, or it finished meanwhile
                        }
                    }
                    // which member was being applied: the audit entry names it (its outcome is unknown)
                    List<String> applying = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT member FROM driftd_rollout_member "
                            + "WHERE rollout_id = ? AND state = 'APPLYING' ORDER BY seq")) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                applying.add(rs.getString(1));
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout_member SET state = 'FAILED', "
                            + "error = ?, finished_at = ? WHERE rollout_id = ? AND state = 'APPLYING'")) {
                        ps.setString(1, OUTCOME_UNKNOWN);
                        ps.setObject(2, ts(now));
                        ps.setString(3, id);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_rollout_member SET state = 'SKIPPED' "
                            + "WHERE rollout_id = ? AND state = 'WAITING'")) {
                        ps.setString(1, id);
                        ps.executeUpdate();
                    }
                    auditInterrupted(c, id, cutoff, applying);
                    return true;
                });
                if (mine) {
                    interrupted.add(id);
                }
            }
            return interrupted;
        }, "interrupt rollouts without a heartbeat");
    }

    /**
     * The {@code rollout-interrupted} audit entry of a rollout whose daemon died (kill -9, power
     * loss), written in the transaction that marks it, so the state and the audit never disagree.
     * A daemon that stops normally writes the same action from {@link RolloutRun}.
     */
    private static void auditInterrupted(Connection c, String id, Instant cutoff, List<String> applying)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fleet, started_by, variant_fp, golden_fp FROM driftd_rollout WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                String result = "interrupted: the daemon running this rollout stopped (no heartbeat since before "
                        + cutoff + ")" + (applying.isEmpty() ? "" : "; outcome unknown on " + String.join(", ", applying)
                        + " (inspect it)") + "; members it had not reached were skipped";
                AuditLog.insert(c, AuditLog.entry(rs.getString(1), null, "rollout-" + Rollout.State.INTERRUPTED.label(),
                        rs.getString(2)).rollout(id).result(result).fingerprints(rs.getString(3), rs.getString(4)));
            }
        }
    }

    private List<Rollout> read(Connection c, String sql, String arg) throws SQLException {
        List<Rollout> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Plan plan;
                    try {
                        plan = PlanStore.JSON.readValue(rs.getString(6), Plan.class);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("rollout " + id + " has an unreadable plan: " + e.getOriginalMessage());
                    }
                    out.add(new Rollout(id, rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), plan,
                            rs.getInt(7), rs.getInt(8), Duration.ofMillis(rs.getLong(9)),
                            Rollout.State.valueOf(rs.getString(10)), rs.getString(11), instant(rs, 12), instant(rs, 13),
                            rs.getString(14), List.of()));
                }
            }
        }
        List<Rollout> withMembers = new ArrayList<>();
        for (Rollout r : out) {
            withMembers.add(r.withMembers(members(c, r.id())));
        }
        return withMembers;
    }

    private static List<RolloutMember> members(Connection c, String id) throws SQLException {
        List<RolloutMember> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, member, wave, state, before_fp, after_fp, error, "
                + "started_at, finished_at FROM driftd_rollout_member WHERE rollout_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RolloutMember(rs.getInt(1), rs.getString(2), rs.getInt(3),
                            RolloutMember.State.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getString(7), instant(rs, 8), instant(rs, 9)));
                }
            }
        }
        return out;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} as one transaction on {@code c}, which is back in autocommit afterwards. */
    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T out = work.run();
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
