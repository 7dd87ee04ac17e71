package dev.driftd.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Canonical;
import dev.driftd.store.Jdbc;
import dev.driftd.store.Store;
import dev.driftd.util.SqlErrors;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Plans and their approvals in the daemon's store (tables {@code driftd_plan} and
 * {@code driftd_plan_approval}, created by the store's migrations). The plan body is its JSON.
 * Approvals are keyed by the id of what they approve: a plan, or a rollout (the plan of a variant).
 */
public final class PlanStore {
    static final ObjectMapper JSON = Canonical.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbc jdbc;

    public PlanStore(Store store) {
        this.jdbc = store.jdbc();
    }

    /** The store's JDBC helper, for the other reconcile tables (rollouts, audit). */
    Jdbc jdbc() {
        return jdbc;
    }

    public void insert(StoredPlan p) {
        jdbc.call("store plan " + p.id(), c -> Jdbc.update(c, "INSERT INTO driftd_plan (id, fleet, member, "
                        + "created_by, created_at, golden_fp, target_fp, destructive, body, state, next_statement, "
                        + "resume_fp, result) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                p.id(), p.fleet(), p.member(), p.createdBy(), p.createdAt(), p.plan().goldenFingerprint(),
                p.plan().targetFingerprint(), p.plan().hasDestructive(), json(p.plan()), p.state().name(),
                p.nextStatement(), p.resumeFingerprint(), masked(p.result())));
    }

    /** Records state and progress; a MySQL apply calls this after every statement. */
    public void update(StoredPlan p) {
        jdbc.call("update plan " + p.id(), c -> Jdbc.update(c,
                "UPDATE driftd_plan SET state = ?, next_statement = ?, resume_fp = ?, result = ? WHERE id = ?",
                p.state().name(), p.nextStatement(), p.resumeFingerprint(), masked(p.result()), p.id()));
    }

    /**
     * Moves a plan from one state to another only if it is still in {@code from}: two applies
     * racing (two nodes, two clicks) cannot both start.
     */
    public boolean transition(String id, StoredPlan.State from, StoredPlan.State to) {
        return jdbc.call("update plan " + id, c -> Jdbc.update(c,
                "UPDATE driftd_plan SET state = ? WHERE id = ? AND state = ?", to.name(), id, from.name()) == 1);
    }

    public Optional<StoredPlan> find(String id) {
        return jdbc.call("read plan " + id, c -> Jdbc.queryFirst(c, "SELECT id, fleet, member, created_by, created_at, "
                        + "body, state, next_statement, resume_fp, result FROM driftd_plan WHERE id = ?",
                rs -> new StoredPlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.instant(rs, 5), plan(rs.getString(6), "plan " + id + " has an unreadable body"),
                        StoredPlan.State.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getString(10)),
                id));
    }

    /** False when this token had already approved (an approval counts once). */
    public boolean approve(String planId, Approval a) {
        return jdbc.call("record an approval of plan " + planId, c -> {
            try {
                Jdbc.update(c, "INSERT INTO driftd_plan_approval (plan_id, token, destructive, approved_at) "
                        + "VALUES (?,?,?,?)", planId, a.token(), a.destructive(), a.at());
                return true;
            } catch (SQLException e) {
                if (Jdbc.isDuplicate(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    public List<Approval> approvals(String planId) {
        return jdbc.call("read approvals of plan " + planId, c -> Jdbc.query(c, "SELECT token, destructive, approved_at "
                        + "FROM driftd_plan_approval WHERE plan_id = ? ORDER BY approved_at, token",
                rs -> new Approval(rs.getString(1), rs.getBoolean(2), Jdbc.instant(rs, 3)), planId));
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A stored plan body; {@code unreadable} says whose when it does not parse. */
    static Plan plan(String json, String unreadable) throws SQLException {
        try {
            return JSON.readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new SQLException(unreadable + ": " + e.getOriginalMessage());
        }
    }

    /** Results can quote a driver's error message: never stored with a password in it. */
    private static String masked(String result) {
        return result == null ? null : SqlErrors.masked(result);
    }
}
