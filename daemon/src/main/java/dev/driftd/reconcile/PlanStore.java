package dev.driftd.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Canonical;
import dev.driftd.store.Store;
import dev.driftd.store.StoreException;
import dev.driftd.util.SqlErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    private final Store store;

    public PlanStore(Store store) {
        this.store = store;
    }

    public void insert(StoredPlan p) {
        exec(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO driftd_plan (id, fleet, member, created_by, "
                    + "created_at, golden_fp, target_fp, destructive, body, state, next_statement, resume_fp, result) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, p.id());
                ps.setString(2, p.fleet());
                ps.setString(3, p.member());
                ps.setString(4, p.createdBy());
                ps.setObject(5, OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC));
                ps.setString(6, p.plan().goldenFingerprint());
                ps.setString(7, p.plan().targetFingerprint());
                ps.setBoolean(8, p.plan().hasDestructive());
                ps.setString(9, json(p.plan()));
                ps.setString(10, p.state().name());
                ps.setInt(11, p.nextStatement());
                ps.setString(12, p.resumeFingerprint());
                ps.setString(13, p.result() == null ? null : SqlErrors.masked(p.result()));
                ps.executeUpdate();
            }
            return null;
        }, "store plan " + p.id());
    }

    /** Records state and progress; a MySQL apply calls this after every statement. */
    public void update(StoredPlan p) {
        exec(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE driftd_plan SET state = ?, next_statement = ?, resume_fp = ?, result = ? WHERE id = ?")) {
                ps.setString(1, p.state().name());
                ps.setInt(2, p.nextStatement());
                ps.setString(3, p.resumeFingerprint());
                ps.setString(4, p.result() == null ? null : SqlErrors.masked(p.result()));
                ps.setString(5, p.id());
                ps.executeUpdate();
            }
            return null;
        }, "update plan " + p.id());
    }

    /**
     * Moves a plan from one state to another only if it is still in {@code from}: two applies
     * racing (two nodes, two clicks) cannot both start.
     */
    public boolean transition(String id, StoredPlan.State from, StoredPlan.State to) {
        return exec(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_plan SET state = ? WHERE id = ? AND state = ?")) {
                ps.setString(1, to.name());
                ps.setString(2, id);
                ps.setString(3, from.name());
                return ps.executeUpdate() == 1;
            }
        }, "update plan " + id);
    }

    public Optional<StoredPlan> find(String id) {
        return exec(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, fleet, member, created_by, created_at, body, state, "
                    + "next_statement, resume_fp, result FROM driftd_plan WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<StoredPlan>empty();
                    }
                    Plan plan;
                    try {
                        plan = JSON.readValue(rs.getString(6), Plan.class);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("plan " + id + " has an unreadable body: " + e.getOriginalMessage());
                    }
                    return Optional.of(new StoredPlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), plan,
                            StoredPlan.State.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getString(10)));
                }
            }
        }, "read plan " + id);
    }

    /** False when this token had already approved (an approval counts once). */
    public boolean approve(String planId, Approval a) {
        return exec(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO driftd_plan_approval (plan_id, token, destructive, approved_at) VALUES (?,?,?,?)")) {
                ps.setString(1, planId);
                ps.setString(2, a.token());
                ps.setBoolean(3, a.destructive());
                ps.setObject(4, OffsetDateTime.ofInstant(a.at(), ZoneOffset.UTC));
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }, "record an approval of plan " + planId);
    }

    public List<Approval> approvals(String planId) {
        return exec(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT token, destructive, approved_at FROM driftd_plan_approval "
                    + "WHERE plan_id = ? ORDER BY approved_at, token")) {
                ps.setString(1, planId);
                List<Approval> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Approval(rs.getString(1), rs.getBoolean(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
                return out;
            }
        }, "read approvals of plan " + planId);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T exec(Work<T> w, String what) {
        try (Connection c = store.borrow()) {
            return w.run(c);
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + SqlErrors.oneLine(e), e);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
