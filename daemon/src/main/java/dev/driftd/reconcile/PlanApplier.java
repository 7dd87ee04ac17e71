package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.postgres.PostgresVerifiedApply;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.engine.SqlErrors;
import dev.driftd.plan.PlanStatement;
import dev.driftd.plan.SqlScript;
import dev.driftd.reconcile.ReconcileException.Kind;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs a checked, approved plan. PostgreSQL: one transaction with lock and statement timeouts,
 * verified against golden inside it before COMMIT. MySQL/MariaDB (DDL commits implicitly):
 * statement by statement, progress stored after each, verified at the end; a failure leaves a
 * PARTIAL plan that resumes from the recorded statement once the target is re-checked.
 */
final class PlanApplier {
    /** A statement may run this long at most (PostgreSQL statement_timeout); lock waits are bounded separately. */
    static final Duration MIN_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private final Engine engine;
    private final PlanStore plans;
    private final AuditLog audit;

    PlanApplier(Engine engine, PlanStore plans, AuditLog audit) {
        this.engine = engine;
        this.plans = plans;
        this.audit = audit;
    }

    static boolean stepwise(StoredPlan p) {
        return p.plan().flavor() != null && p.plan().flavor().isMysqlFamily();
    }

    /**
     * PostgreSQL: the target's fingerprint is checked inside the apply transaction; a mismatch
     * comes back as {@link Stale} (nothing ran) for the caller to mark the plan.
     */
    StoredPlan transactional(StoredPlan p, DbTarget target, FleetConfig config, Snapshot golden, String token) {
        InspectOptions options = new InspectOptions(config.timeout());
        Dialect dialect = engine.dialectFor(target.url());
        Duration statementTimeout = config.timeout().compareTo(MIN_STATEMENT_TIMEOUT) > 0 ? config.timeout()
                : MIN_STATEMENT_TIMEOUT;
        PostgresVerifiedApply.Outcome out;
        try (Connection c = dialect.connect(target, options, false)) {
            out = PostgresVerifiedApply.apply(c, p.plan(), true, target.schema(), PlanOptions.DEFAULT.lockTimeout(),
                    statementTimeout, options,
                    now -> now.fingerprint().equals(p.plan().targetFingerprint()) ? null
                            : "target changed since planning: " + p.plan().targetFingerprint() + " -> " + now.fingerprint(),
                    after -> PlanService.stillDiffers(engine, golden, after));
        } catch (SQLException e) {
            out = new PostgresVerifiedApply.Outcome(false, false, null, null, "rolled back, nothing was changed: "
                    + SqlErrors.oneLine(e));
        }
        if (out.stale()) {
            throw new Stale(out.detail(), out.before().fingerprint());
        }
        String sql = SqlScript.render(p.plan(), true);
        // a failed read leaves no snapshot: the planned fingerprint stands (a rollback changed nothing)
        String beforeFp = out.before() == null ? p.plan().targetFingerprint() : out.before().fingerprint();
        if (out.committed()) {
            StoredPlan done = p.with(StoredPlan.State.APPLIED, p.plan().runnable(true).size(), null, out.detail());
            plans.update(done);
            audit.record(p.fleet(), p.member(), p.id(), "apply", token, sql, "applied and verified",
                    beforeFp, out.after().fingerprint());
            return done;
        }
        StoredPlan failed = p.with(StoredPlan.State.FAILED, 0, null, out.detail());
        plans.update(failed);
        audit.record(p.fleet(), p.member(), p.id(), "apply", token, sql, out.detail(), beforeFp, beforeFp);
        throw new ReconcileException(Kind.FAILED, "apply failed", out.detail());
    }

    /** The target moved since planning (found inside the apply transaction); nothing ran. */
    static final class Stale extends RuntimeException {
        final String nowFingerprint;

        Stale(String why, String nowFingerprint) {
            super(why, null, false, false);
            this.nowFingerprint = nowFingerprint;
        }
    }

    StoredPlan stepwise(StoredPlan p, DbTarget target, FleetConfig config, Snapshot golden, Snapshot before,
                                String token) {
        InspectOptions options = new InspectOptions(config.timeout());
        Dialect dialect = engine.dialectFor(target.url());
        List<PlanStatement> runnable = p.plan().runnable(true);
        StoredPlan current = p;
        int next = p.nextStatement();
        String failure = null;
        try (Connection c = dialect.connect(target, options, false); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String pre : p.plan().preamble()) {
                st.execute(pre);
            }
            for (; next < runnable.size(); next++) {
                String sql = runnable.get(next).sql();
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    failure = "statement " + (next + 1) + " of " + runnable.size() + " failed: " + SqlErrors.oneLine(e);
                    audit.record(p.fleet(), p.member(), p.id(), "apply-statement", token, sql, failure, null, null);
                    break;
                }
                // progress first: if the daemon dies now, a resume starts after this statement
                current = current.with(StoredPlan.State.APPLYING, next + 1, null, null);
                plans.update(current);
                audit.record(p.fleet(), p.member(), p.id(), "apply-statement", token, sql,
                        "ok (" + (next + 1) + "/" + runnable.size() + ")", null, null);
            }
        } catch (SQLException e) {
            failure = "cannot run the plan on " + target + ": " + SqlErrors.oneLine(e);
        }
        Snapshot after;
        try {
            after = engine.snapshot(target, options);
        } catch (EngineException e) {
            String why = (failure == null ? "applied, but " : failure + "; ") + "cannot re-read the target: " + e.getMessage();
            // without a fingerprint there is nothing safe to resume from: a new plan is needed
            StoredPlan stale = current.with(StoredPlan.State.STALE, next, null, why);
            plans.update(stale);
            audit.record(p.fleet(), p.member(), p.id(), "apply", token, null, why, before.fingerprint(), null);
            throw new ReconcileException(Kind.FAILED, "apply failed", why);
        }
        if (failure != null) {
            String why = failure + "; resume with POST .../apply once fixed (continues at statement " + (next + 1) + ")";
            StoredPlan partial = current.with(StoredPlan.State.PARTIAL, next, after.fingerprint(), why);
            plans.update(partial);
            audit.record(p.fleet(), p.member(), p.id(), "apply", token, null, why, before.fingerprint(), after.fingerprint());
            throw new ReconcileException(Kind.FAILED, "apply stopped", why);
        }
        String differs = PlanService.stillDiffers(engine, golden, after);
        if (differs != null) {
            String why = "all statements ran but the schema still differs from golden: " + differs + "; make a new plan";
            StoredPlan failed = current.with(StoredPlan.State.FAILED, next, null, why);
            plans.update(failed);
            audit.record(p.fleet(), p.member(), p.id(), "apply", token, null, why, before.fingerprint(), after.fingerprint());
            throw new ReconcileException(Kind.FAILED, "apply did not converge", why);
        }
        StoredPlan done = current.with(StoredPlan.State.APPLIED, next, null, "applied and verified");
        plans.update(done);
        audit.record(p.fleet(), p.member(), p.id(), "apply", token, null, "applied and verified", before.fingerprint(),
                after.fingerprint());
        return done;
    }
}
