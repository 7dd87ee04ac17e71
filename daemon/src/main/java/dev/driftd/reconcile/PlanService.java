package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.reconcile.ReconcileException.Kind;
import dev.driftd.schema.Snapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plans as stored objects: made from a fresh snapshot of the member against the fleet's golden,
 * approved by admins other than the maker, applied only when the fleet allows it and only while
 * the target and golden still have the fingerprints the plan was made from. Every step is audited.
 */
public final class PlanService {
    private final ReconcileSource source;
    private final PlanStore plans;
    private final AuditLog audit;
    private final Engine engine;
    private final PlanApplier applier;

    public PlanService(ReconcileSource source, PlanStore plans, AuditLog audit, Engine engine) {
        this.source = source;
        this.plans = plans;
        this.audit = audit;
        this.engine = engine;
        this.applier = new PlanApplier(engine, plans, audit);
    }

    public AuditLog audit() {
        return audit;
    }

    /** Snapshots the member now, diffs against golden, stores the plan. */
    public StoredPlan create(String fleet, String member, String token) {
        FleetConfig config = config(fleet);
        DbTarget target = target(fleet, member);
        Snapshot golden = Required.expected(source, fleet, member);
        Snapshot now = snapshot(target, config);
        Diff diff = engine.diff(golden, now);
        Plan computed = engine.plan(diff, golden, now, PlanOptions.DEFAULT);
        // bind the plan to exactly the snapshots it was computed from
        Plan plan = new Plan(computed.flavor(), golden.fingerprint(), now.fingerprint(), computed.transactional(),
                computed.preamble(), computed.statements(), computed.warnings());
        StoredPlan p = new StoredPlan(UUID.randomUUID().toString(), fleet, member, token, Instant.now(), plan,
                StoredPlan.State.PLANNED, 0, null, null);
        plans.insert(p);
        audit.record(AuditLog.entry(fleet, member, "plan", token).plan(p.id()).sql(SqlScript.render(plan, true))
                .result(plan.statements().size() + " statements" + (plan.hasDestructive() ? ", destructive" : ""))
                .fingerprints(plan.targetFingerprint(), plan.goldenFingerprint()));
        return p;
    }

    public StoredPlan get(String fleet, String member, String id) {
        StoredPlan p = plans.find(id).orElse(null);
        if (p == null || !p.fleet().equals(fleet) || !p.member().equals(member)) {
            throw new ReconcileException(Kind.NOT_FOUND, "not found",
                    "no plan '" + id + "' for member '" + member + "' of fleet '" + fleet + "'");
        }
        return p;
    }

    public List<Approval> approvals(String id) {
        return plans.approvals(id);
    }

    /** Records {@code token}'s approval; the maker's does not count, destructive plans need {@code destructive}. */
    public List<Approval> approve(String fleet, String member, String id, String token, boolean destructive) {
        StoredPlan p = get(fleet, member, id);
        if (p.state() == StoredPlan.State.APPLIED || p.state() == StoredPlan.State.STALE) {
            throw conflict("plan not open", "plan " + id + " is " + p.state().label() + "; make a new plan");
        }
        ApprovalRules.approve(plans, "plan", id, p.createdBy(), p.plan().hasDestructive(), token, destructive);
        audit.record(AuditLog.entry(fleet, member, "approve", token).plan(id)
                .result(destructive ? "approved (destructive)" : "approved")
                .fingerprints(p.plan().targetFingerprint(), p.plan().goldenFingerprint()));
        return plans.approvals(id);
    }

    /**
     * Applies an approved plan (or resumes a MySQL-family one that stopped part-way). 409 when the
     * target or golden moved since planning: the plan is marked stale and a new one must be made.
     */
    public StoredPlan apply(String fleet, String member, String id, String token) {
        FleetConfig config = config(fleet);
        Required.applyEnabled(config);
        StoredPlan p = get(fleet, member, id);
        StoredPlan.State from = p.state();
        if (from != StoredPlan.State.PLANNED && from != StoredPlan.State.FAILED && from != StoredPlan.State.PARTIAL) {
            throw conflict("plan not applicable", "plan " + id + " is " + from.label()
                    + (from == StoredPlan.State.STALE ? "; make a new plan" : ""));
        }
        ApprovalRules.requireEnough(plans.approvals(id), "plan", id, p.createdBy(), p.plan().hasDestructive(),
                config.approvals());
        Snapshot golden = Required.expected(source, fleet, member);
        if (!golden.fingerprint().equals(p.plan().goldenFingerprint())) {
            throw stale(p, token, "golden changed since planning: " + p.plan().goldenFingerprint() + " -> " + golden.fingerprint(),
                    null);
        }
        DbTarget target = target(fleet, member);
        if (!plans.transition(id, from, StoredPlan.State.APPLYING)) {
            throw conflict("plan busy", "plan " + id + " changed state meanwhile (another apply?); read it again");
        }
        StoredPlan applying = p.with(StoredPlan.State.APPLYING, p.nextStatement(), p.resumeFingerprint(), p.result());
        if (!applier.stepwise(p)) {
            try {
                return applier.transactional(applying, target, config, golden, token);
            } catch (PlanApplier.Stale e) {
                throw stale(applying, token, e.getMessage(), e.nowFingerprint);
            }
        }
        Snapshot now;
        try {
            now = snapshot(target, config);
        } catch (ReconcileException e) {
            plans.update(applying.with(from, p.nextStatement(), p.resumeFingerprint(), e.getMessage()));
            throw e;
        }
        String expected = from == StoredPlan.State.PARTIAL ? p.resumeFingerprint() : p.plan().targetFingerprint();
        if (!now.fingerprint().equals(expected)) {
            throw stale(applying, token, "target changed since " + (from == StoredPlan.State.PARTIAL ? "the apply stopped" : "planning")
                    + ": " + expected + " -> " + now.fingerprint(), now.fingerprint());
        }
        return applier.stepwise(applying, target, config, golden, now, token);
    }

    /** Marks the plan stale, audits the refusal; the caller throws what it returns. */
    private ReconcileException stale(StoredPlan p, String token, String why, String nowFp) {
        plans.update(p.with(StoredPlan.State.STALE, p.nextStatement(), p.resumeFingerprint(), why));
        audit.record(AuditLog.entry(p.fleet(), p.member(), "apply", token).plan(p.id()).result("refused: " + why)
                .fingerprints(nowFp, p.plan().goldenFingerprint()));
        return conflict("plan stale", why + "; make a new plan");
    }

    private Snapshot snapshot(DbTarget target, FleetConfig config) {
        try {
            // through the fleet's ignore rules, as the sweep saw it: plans never touch ignored objects
            return config.ignore().apply(engine.snapshot(target, new InspectOptions(config.timeout())));
        } catch (EngineException e) {
            throw new ReconcileException(Kind.CONFLICT, "target unreadable", e.getMessage());
        }
    }

    private FleetConfig config(String fleet) {
        return Required.config(source, fleet);
    }

    private DbTarget target(String fleet, String member) {
        return Required.target(source, fleet, member);
    }

    private static ReconcileException conflict(String error, String detail) {
        return new ReconcileException(Kind.CONFLICT, error, detail);
    }
}
