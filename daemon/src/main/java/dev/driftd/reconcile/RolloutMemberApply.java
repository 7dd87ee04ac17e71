package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.TargetScope;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Applies a rollout's plan to one member, and audits it. Nothing runs unless the fleet still
 * allows applying, golden still has the planned fingerprint and the member still has the variant's
 * (PostgreSQL: read inside the apply transaction). PostgreSQL: one transaction, verified against
 * golden before COMMIT, else rolled back. MySQL family: statement by statement (each audited),
 * verified at the end; a failure leaves the member part-way and says so.
 */
final class RolloutMemberApply {
    /** What happened to the member: applied (verified) or not, fingerprints before/after, why not. */
    record Outcome(boolean applied, String before, String after, String error) {
        static Outcome failed(String before, String after, String why) {
            return new Outcome(false, before, after, why);
        }
    }

    private final Engine engine;
    private final ReconcileSource source;
    private final AuditLog audit;

    RolloutMemberApply(Engine engine, ReconcileSource source, AuditLog audit) {
        this.engine = engine;
        this.source = source;
        this.audit = audit;
    }

    Outcome apply(Rollout r, String member, String token) {
        Outcome out;
        String sql = null;
        try {
            Prepared p = prepare(r, member);
            if (p.refused != null) {
                out = p.refused;
            } else {
                sql = SqlScript.render(p.plan, true);
                out = engine.appliesVerified(p.plan) ? transactional(r, p) : stepwise(r, member, p, token);
            }
        } catch (EngineException | ReconcileException e) {
            out = Outcome.failed(null, null, SqlErrors.oneLine(e));
        }
        audit.record(AuditLog.entry(r.fleet(), member, "rollout-apply", token).rollout(r.id()).sql(sql)
                .result(out.applied() ? "applied and verified" : out.error()).fingerprints(out.before(), out.after()));
        return out;
    }

    /** The member's plan and what it runs against, or why it must not run. */
    private record Prepared(Outcome refused, FleetConfig config, Snapshot golden, DbTarget target, Plan plan) {
        static Prepared refuse(String why) {
            return new Prepared(Outcome.failed(null, null, why + "; not applied"), null, null, null, null);
        }
    }

    private Prepared prepare(Rollout r, String member) {
        FleetConfig config = source.config(r.fleet()).orElse(null);
        if (config == null) {
            return Prepared.refuse("fleet '" + r.fleet() + "' is no longer configured");
        }
        if (!config.applyEnabled()) {
            return Prepared.refuse("fleet '" + r.fleet() + "' no longer has `apply: enabled`");
        }
        // the member's own expected schema: golden plus its overlays, as the rollout was planned for
        Snapshot golden = source.expected(r.fleet(), member).orElse(null);
        if (golden == null || !golden.fingerprint().equals(r.goldenFingerprint())) {
            return Prepared.refuse("golden changed since the rollout was planned: " + r.goldenFingerprint() + " -> "
                    + (golden == null ? "none" : golden.fingerprint()));
        }
        Optional<DbTarget> target = source.target(r.fleet(), member);
        if (target.isEmpty()) {
            return Prepared.refuse("'" + member + "' is no longer a member of fleet '" + r.fleet() + "' (as of the last sweep)");
        }
        return new Prepared(null, config, golden, target.get(), planFor(r, target.get(), golden));
    }

    /**
     * The rollout's plan as it reads for this member. DDL names the target's real schemas, so for a
     * schema-per-tenant member the plan is always written again from the same variant snapshot, now
     * scoped to the member's schema ({@link TargetScope}): the same statements, on the member's schema.
     */
    private Plan planFor(Rollout r, DbTarget target, Snapshot golden) {
        Plan plan = r.plan();
        if (target.schema() == null) {
            return plan;
        }
        Snapshot variant = source.snapshot(r.fleet(), r.variantFingerprint()).orElseThrow(() -> new ReconcileException(
                ReconcileException.Kind.CONFLICT, "variant gone", "the variant's snapshot " + r.variantFingerprint()
                + " is no longer stored, so the plan cannot be written for schema " + target.schema()));
        Snapshot mine = TargetScope.of(variant, target);
        Plan computed = engine.plan(engine.diff(golden, mine), golden, mine, PlanOptions.DEFAULT);
        return new Plan(computed.flavor(), r.goldenFingerprint(), r.variantFingerprint(), computed.transactional(),
                computed.preamble(), computed.statements(), computed.warnings());
    }

    private Outcome transactional(Rollout r, Prepared p) {
        VerifiedApply.Outcome out = engine.applyVerified(p.target, p.plan, true, PlanOptions.DEFAULT.lockTimeout(),
                PlanApplier.statementTimeout(p.config), new InspectOptions(p.config.timeout()), p.config.ignore()::apply,
                after -> engine.stillDiffers(p.golden, after));
        String before = out.before() == null ? null : out.before().fingerprint();
        if (out.stale()) {
            return Outcome.failed(before, before, "its fingerprint is " + before + ", not the variant's "
                    + r.variantFingerprint() + ": it changed since the rollout was planned; not applied");
        }
        if (out.committed()) {
            return new Outcome(true, before, out.after().fingerprint(), null);
        }
        // rolled back: the schema is as it was before
        return Outcome.failed(before, before, out.detail());
    }

    private Outcome stepwise(Rollout r, String member, Prepared p, String token) {
        InspectOptions options = new InspectOptions(p.config.timeout());
        Snapshot now = p.config.ignore().apply(engine.snapshot(p.target, options));
        if (!now.fingerprint().equals(r.variantFingerprint())) {
            return Outcome.failed(now.fingerprint(), now.fingerprint(), "its fingerprint is " + now.fingerprint()
                    + ", not the variant's " + r.variantFingerprint() + ": it changed since the rollout was planned; "
                    + "not applied");
        }
        StepwiseRun.Stop stop = StepwiseRun.run(engine, p.target, p.plan, 0, options, (index, total, sql, failure) ->
                audit.record(AuditLog.entry(r.fleet(), member, "rollout-statement", token).rollout(r.id()).sql(sql)
                        .result(failure == null ? "ok (" + (index + 1) + "/" + total + ")" : failure)));
        Snapshot after;
        try {
            after = p.config.ignore().apply(engine.snapshot(p.target, options));
        } catch (EngineException e) {
            return Outcome.failed(now.fingerprint(), null, (stop.failure() == null ? "applied, but " : stop.failure() + "; ")
                    + "cannot re-read the member: " + SqlErrors.oneLine(e));
        }
        if (stop.failure() != null) {
            return Outcome.failed(now.fingerprint(), after.fingerprint(), stop.failure() + "; DDL commits statement by "
                    + "statement here, so the member is part-way (" + stop.next() + " of "
                    + p.plan.runnable(true).size() + " statements ran): make a plan for it");
        }
        String differs = engine.stillDiffers(p.golden, after);
        if (differs != null) {
            return Outcome.failed(now.fingerprint(), after.fingerprint(),
                    "all statements ran but the schema still differs from golden: " + differs);
        }
        return new Outcome(true, now.fingerprint(), after.fingerprint(), null);
    }
}
