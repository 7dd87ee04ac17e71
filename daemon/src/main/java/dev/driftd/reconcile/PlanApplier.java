package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.SqlScript;
import dev.driftd.reconcile.ReconcileException.Kind;
import dev.driftd.schema.Snapshot;

import java.time.Duration;

/**
 * Runs a checked, approved plan. PostgreSQL: one transaction with lock and statement timeouts,
 * verified against golden inside it before COMMIT. MySQL/MariaDB (DDL commits implicitly):
 * statement by statement, progress stored after each, verified at the end; a failure leaves a
 * PARTIAL plan that resumes from the recorded statement once the target is re-checked.
 */
final class PlanApplier {
    private final Engine engine;
    private final PlanStore plans;
    private final AuditLog audit;

    PlanApplier(Engine engine, PlanStore plans, AuditLog audit) {
        this.engine = engine;
        this.plans = plans;
        this.audit = audit;
    }

    /** True when the plan's dialect has no verified one-transaction apply: it runs statement by statement. */
    boolean stepwise(StoredPlan p) {
        return !engine.appliesVerified(p.plan());
    }

    /**
     * PostgreSQL: the target's fingerprint is checked inside the apply transaction; a mismatch
     * comes back as {@link Stale} (nothing ran) for the caller to mark the plan.
     */
    StoredPlan transactional(StoredPlan p, DbTarget target, FleetConfig config, Snapshot golden, String token) {
        VerifiedApply.Outcome out = engine.applyVerified(target, p.plan(), true, PlanOptions.DEFAULT.lockTimeout(),
                statementTimeout(config), new InspectOptions(config.timeout()), config.ignore()::apply,
                after -> engine.stillDiffers(golden, after));
        if (out.stale()) {
            throw new Stale(out.detail(), out.before().fingerprint());
        }
        String sql = SqlScript.render(p.plan(), true);
        // a failed read leaves no snapshot: the planned fingerprint stands (a rollback changed nothing)
        String beforeFp = out.before() == null ? p.plan().targetFingerprint() : out.before().fingerprint();
        if (out.committed()) {
            StoredPlan done = p.with(StoredPlan.State.APPLIED, p.plan().runnable(true).size(), null, out.detail());
            plans.update(done);
            audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).sql(sql)
                    .result("applied and verified").fingerprints(beforeFp, out.after().fingerprint()));
            return done;
        }
        StoredPlan failed = p.with(StoredPlan.State.FAILED, 0, null, out.detail());
        plans.update(failed);
        audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).sql(sql)
                .result(out.detail()).fingerprints(beforeFp, beforeFp));
        throw new ReconcileException(Kind.FAILED, "apply failed", out.detail());
    }

    /** The fleet's timeout, at least {@link Engine#MIN_STATEMENT_TIMEOUT}; lock waits are bounded separately. */
    static Duration statementTimeout(FleetConfig config) {
        return Engine.statementTimeout(config.timeout());
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
        StoredPlan[] current = {p};
        StepwiseRun.Stop stop = StepwiseRun.run(engine, target, p.plan(), p.nextStatement(), options,
                (index, total, sql, failure) -> {
                    if (failure == null) {
                        // progress first: if the daemon dies now, a resume starts after this statement
                        current[0] = current[0].with(StoredPlan.State.APPLYING, index + 1, null, null);
                        plans.update(current[0]);
                    }
                    audit.record(AuditLog.entry(p.fleet(), p.member(), "apply-statement", token).plan(p.id()).sql(sql)
                            .result(failure == null ? "ok (" + (index + 1) + "/" + total + ")" : failure));
                });
        int next = stop.next();
        String failure = stop.failure();
        Snapshot after;
        try {
            after = config.ignore().apply(engine.snapshot(target, options));
        } catch (EngineException e) {
            String why = (failure == null ? "applied, but " : failure + "; ") + "cannot re-read the target: " + SqlErrors.oneLine(e);
            // without a fingerprint there is nothing safe to resume from: a new plan is needed
            StoredPlan stale = current[0].with(StoredPlan.State.STALE, next, null, why);
            plans.update(stale);
            audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).result(why)
                    .fingerprints(before.fingerprint(), null));
            throw new ReconcileException(Kind.FAILED, "apply failed", why);
        }
        if (failure != null) {
            String why = failure + "; resume with POST .../apply once fixed (continues at statement " + (next + 1) + ")";
            StoredPlan partial = current[0].with(StoredPlan.State.PARTIAL, next, after.fingerprint(), why);
            plans.update(partial);
            audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).result(why)
                    .fingerprints(before.fingerprint(), after.fingerprint()));
            throw new ReconcileException(Kind.FAILED, "apply stopped", why);
        }
        String differs = engine.stillDiffers(golden, after);
        if (differs != null) {
            String why = "all statements ran but the schema still differs from golden: " + differs + "; make a new plan";
            StoredPlan failed = current[0].with(StoredPlan.State.FAILED, next, null, why);
            plans.update(failed);
            audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).result(why)
                    .fingerprints(before.fingerprint(), after.fingerprint()));
            throw new ReconcileException(Kind.FAILED, "apply did not converge", why);
        }
        StoredPlan done = current[0].with(StoredPlan.State.APPLIED, next, null, "applied and verified");
        plans.update(done);
        audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).result("applied and verified")
                .fingerprints(before.fingerprint(), after.fingerprint()));
        return done;
    }
}
