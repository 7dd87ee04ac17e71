package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;
import dev.driftd.store.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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

    private final Jdbc jdbc;

    RolloutStore(PlanStore db) {
        this.jdbc = db.jdbc();
    }

    void insert(Rollout r) {
        jdbc.inTransaction("store rollout " + r.id(), c -> {
            Jdbc.update(c, "INSERT INTO driftd_rollout (id, fleet, variant_fp, golden_fp, created_by, created_at, "
                            + "destructive, body, canary, wave, pause_ms, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    r.id(), r.fleet(), r.variantFingerprint(), r.goldenFingerprint(), r.createdBy(), r.createdAt(),
                    r.plan().hasDestructive(), PlanStore.json(r.plan()), r.canary(), r.wave(), r.pause().toMillis(),
                    r.state().name());
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
        });
    }

    Optional<Rollout> find(String id) {
        return jdbc.call("read rollout " + id, c -> read(c, "SELECT " + COLUMNS + " FROM driftd_rollout WHERE id = ?", id)
                .stream().findFirst());
    }

    /** The fleet's rollouts, newest first, at most {@code limit}. */
    List<Rollout> list(String fleet, int limit) {
        return jdbc.call("list rollouts of " + fleet, c -> read(c, "SELECT " + COLUMNS + " FROM driftd_rollout "
                + "WHERE fleet = ? ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY", fleet));
    }

    /** What {@link #start} did. */
    record Start(boolean started, String otherRunning) {
    }

    private record IdState(String id, String state) {
    }

    /**
     * PLANNED to RUNNING, only if still PLANNED and no other rollout of its fleet is running. The
     * fleet's rollout rows are locked for the check and the change, so two starts of one rollout,
     * or of two rollouts of one fleet, on one node or two, cannot both win: the second waits for the
     * first to commit and then sees it running.
     */
    Start start(String fleet, String id, String token, Instant at) {
        return jdbc.inTransaction("start rollout " + id, c -> {
            List<IdState> rows = Jdbc.query(c, "SELECT id, state FROM driftd_rollout WHERE fleet = ? ORDER BY id FOR UPDATE",
                    rs -> new IdState(rs.getString(1), rs.getString(2)), fleet);
            Optional<String> other = rows.stream()
                    .filter(r -> "RUNNING".equals(r.state()) && !r.id().equals(id)).map(IdState::id).findFirst();
            if (other.isPresent()) {
                return new Start(false, other.get());
            }
            return new Start(Jdbc.update(c, "UPDATE driftd_rollout SET state = 'RUNNING', started_by = ?, "
                    + "started_at = ?, heartbeat = ? WHERE id = ? AND fleet = ? AND state = 'PLANNED'",
                    token, at, at, id, fleet) == 1, null);
        });
    }

    /** A PLANNED rollout that can no longer start (golden moved). */
    void markStale(String id, String why) {
        jdbc.call("update rollout " + id, c -> Jdbc.update(c,
                "UPDATE driftd_rollout SET state = 'STALE', result = ? WHERE id = ? AND state = 'PLANNED'", why, id));
    }

    /** One member's progress; the rollout's heartbeat with it. */
    void updateMember(String id, RolloutMember m, Instant at) {
        jdbc.call("update rollout " + id, c -> {
            Jdbc.update(c, "UPDATE driftd_rollout_member SET state = ?, before_fp = ?, after_fp = ?, error = ?, "
                            + "started_at = ?, finished_at = ? WHERE rollout_id = ? AND seq = ?",
                    m.state().name(), m.beforeFingerprint(), m.afterFingerprint(),
                    m.error() == null ? null : SqlErrors.masked(m.error()), m.startedAt(), m.finishedAt(), id, m.seq());
            heartbeat(c, List.of(id), at);
            return null;
        });
    }

    /** RUNNING to {@code state}: members not reached become SKIPPED. */
    void finish(String id, Rollout.State state, String result, Instant at) {
        jdbc.inTransaction("finish rollout " + id, c -> {
            Jdbc.update(c, "UPDATE driftd_rollout_member SET state = 'SKIPPED' WHERE rollout_id = ? AND state = 'WAITING'",
                    id);
            Jdbc.update(c, "UPDATE driftd_rollout SET state = ?, result = ?, finished_at = ?, heartbeat = ? "
                    + "WHERE id = ? AND state = 'RUNNING'", state.name(), result, at, at, id);
            return null;
        });
    }

    /** This node still runs these rollouts. */
    void heartbeat(Collection<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.call("write the rollouts' heartbeat", c -> {
                heartbeat(c, ids, at);
                return null;
            });
        }
    }

    private static void heartbeat(Connection c, Collection<String> ids, Instant at) throws SQLException {
        for (String id : ids) {
            Jdbc.update(c, "UPDATE driftd_rollout SET heartbeat = ? WHERE id = ? AND state = 'RUNNING'", at, id);
        }
    }

    /**
     * RUNNING rollouts whose heartbeat is older than {@code cutoff} lost their node: INTERRUPTED,
     * the member that was applying FAILED with {@link #OUTCOME_UNKNOWN}, the waiting ones SKIPPED.
     * Returns their ids.
     */
    List<String> interruptOrphans(Instant cutoff, Instant now) {
        return jdbc.call("interrupt rollouts without a heartbeat", c -> {
            List<String> candidates = Jdbc.query(c, "SELECT id FROM driftd_rollout WHERE state = 'RUNNING' "
                    + "AND heartbeat < ?", rs -> rs.getString(1), cutoff);
            List<String> interrupted = new ArrayList<>();
            for (String id : candidates) {
                if (Jdbc.transaction(c, () -> interrupt(c, id, cutoff, now))) {
                    interrupted.add(id);
                }
            }
            return interrupted;
        });
    }

    /** Marks one orphan INTERRUPTED, inside the caller's transaction; false when another node took it first. */
    private static boolean interrupt(Connection c, String id, Instant cutoff, Instant now) throws SQLException {
        int marked = Jdbc.update(c, "UPDATE driftd_rollout SET state = 'INTERRUPTED', result = ?, finished_at = ? "
                        + "WHERE id = ? AND state = 'RUNNING' AND heartbeat < ?",
                "the daemon running this rollout stopped (no heartbeat since before " + cutoff
                        + "); members it had not reached were skipped: start a new rollout for them",
                now, id, cutoff);
        if (marked != 1) {
            return false; // another node took it, or it finished meanwhile
        }
        // which member was being applied: the audit entry names it (its outcome is unknown)
        List<String> applying = Jdbc.query(c, "SELECT member FROM driftd_rollout_member "
                + "WHERE rollout_id = ? AND state = 'APPLYING' ORDER BY seq", rs -> rs.getString(1), id);
        Jdbc.update(c, "UPDATE driftd_rollout_member SET state = 'FAILED', error = ?, finished_at = ? "
                + "WHERE rollout_id = ? AND state = 'APPLYING'", OUTCOME_UNKNOWN, now, id);
        Jdbc.update(c, "UPDATE driftd_rollout_member SET state = 'SKIPPED' WHERE rollout_id = ? AND state = 'WAITING'",
                id);
        auditInterrupted(c, id, cutoff, applying);
        return true;
    }

    /**
     * The {@code rollout-interrupted} audit entry of a rollout whose daemon died (kill -9, power
     * loss), written in the transaction that marks it, so the state and the audit never disagree.
     * A daemon that stops normally writes the same action from {@link RolloutRun}.
     */
    private static void auditInterrupted(Connection c, String id, Instant cutoff, List<String> applying)
            throws SQLException {
        String result = "interrupted: the daemon running this rollout stopped (no heartbeat since before "
                + cutoff + ")" + (applying.isEmpty() ? "" : "; outcome unknown on " + String.join(", ", applying)
                + " (inspect it)") + "; members it had not reached were skipped";
        Optional<AuditLog.Draft> entry = Jdbc.queryFirst(c, "SELECT fleet, started_by, variant_fp, golden_fp "
                        + "FROM driftd_rollout WHERE id = ?",
                rs -> AuditLog.entry(rs.getString(1), null, "rollout-" + Rollout.State.INTERRUPTED.label(),
                        rs.getString(2)).rollout(id).result(result).fingerprints(rs.getString(3), rs.getString(4)),
                id);
        if (entry.isPresent()) {
            AuditLog.insert(c, entry.get());
        }
    }

    private List<Rollout> read(Connection c, String sql, String arg) throws SQLException {
        List<Rollout> rollouts = Jdbc.query(c, sql, rs -> new Rollout(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), Jdbc.instant(rs, 5),
                PlanStore.plan(rs.getString(6), "rollout " + rs.getString(1) + " has an unreadable plan"),
                rs.getInt(7), rs.getInt(8), Duration.ofMillis(rs.getLong(9)), Rollout.State.valueOf(rs.getString(10)),
                rs.getString(11), Jdbc.instant(rs, 12), Jdbc.instant(rs, 13), rs.getString(14), List.of()), arg);
        List<Rollout> withMembers = new ArrayList<>();
        for (Rollout r : rollouts) {
            withMembers.add(r.withMembers(members(c, r.id())));
        }
        return withMembers;
    }

    private static List<RolloutMember> members(Connection c, String id) throws SQLException {
        return Jdbc.query(c, "SELECT seq, member, wave, state, before_fp, after_fp, error, started_at, finished_at "
                        + "FROM driftd_rollout_member WHERE rollout_id = ? ORDER BY seq",
                rs -> new RolloutMember(rs.getInt(1), rs.getString(2), rs.getInt(3),
                        RolloutMember.State.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), Jdbc.instant(rs, 8), Jdbc.instant(rs, 9)),
                id);
    }
}
