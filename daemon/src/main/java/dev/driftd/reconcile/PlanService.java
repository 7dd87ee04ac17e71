package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
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
import java.util.stream.Collectors;

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
        Snapshot golden = golden(fleet);
        Snapshot now = snapshot(target, config);
        Diff diff = engine.diff(golden, now);
        Plan computed = engine.plan(diff, golden, now, PlanOptions.DEFAULT);
        // bind the plan to exactly the snapshots it was computed from
        Plan plan = new Plan(computed.flavor(), golden.fingerprint(), now.fingerprint(), computed.transactional(),
                computed.preamble(), computed.statements(), computed.warnings());
        StoredPlan p = new StoredPlan(UUID.randomUUID().toString(), fleet, member, token, Instant.now(), plan,
                StoredPlan.State.PLANNED, 0, null, null);
        plans.insert(p);
        audit.record(fleet, member, p.id(), "plan", token, SqlScript.render(plan, true),
                plan.statements().size() + " statements" + (plan.hasDestructive() ? ", destructive" : ""),
                plan.targetFingerprint(), plan.goldenFingerprint());
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
        if (p.createdBy().equals(token)) {
            throw new ReconcileException(Kind.FORBIDDEN, "forbidden",
                    "token '" + token + "' made plan " + id + "; its maker's approval does not count");
        }
        if (p.plan().hasDestructive() && !destructive) {
            throw conflict("destructive approval needed", "plan " + id + " drops or narrows something: approve it with "
                    + "{\"destructive\": true}");
        }
        boolean added = plans.approve(id, new Approval(token, destructive, Instant.now()));
        if (!added) {
            throw conflict("already approved", "token '" + token + "' already approved plan " + id);
        }
        audit.record(fleet, member, id, "approve", token, null, destructive ? "approved (destructive)" : "approved",
                p.plan().targetFingerprint(), p.plan().goldenFingerprint());
        return plans.approvals(id);
    }

    /**
     * Applies an approved plan (or resumes a MySQL-family one that stopped part-way). 409 when the
     * target or golden moved since planning: the plan is marked stale and a new one must be made.
     */
    public StoredPlan apply(String fleet, String member, String id, String token) {
        FleetConfig config = config(fleet);
        if (!config.applyEnabled()) {
            throw new ReconcileException(Kind.FORBIDDEN, "apply disabled",
                    "fleet '" + fleet + "' does not allow applying plans; set `apply: enabled` in its config");
        }
        StoredPlan p = get(fleet, member, id);
        StoredPlan.State from = p.state();
        if (from != StoredPlan.State.PLANNED && from != StoredPlan.State.FAILED && from != StoredPlan.State.PARTIAL) {
            throw conflict("plan not applicable", "plan " + id + " is " + from.label()
                    + (from == StoredPlan.State.STALE ? "; make a new plan" : ""));
        }
        List<Approval> approvals = plans.approvals(id);
        long counted = approvals.stream()
                .filter(a -> !a.token().equals(p.createdBy()))
                .filter(a -> a.destructive() || !p.plan().hasDestructive())
                .map(Approval::token).distinct().count();
        if (counted < config.approvals()) {
            throw conflict("not approved", "plan " + id + " needs " + config.approvals() + " approval"
                    + (config.approvals() == 1 ? "" : "s") + " by admins other than its maker ("
                    + (p.plan().hasDestructive() ? "with destructive: true, " : "") + "has " + counted + ")");
        }
        Snapshot golden = golden(fleet);
        if (!golden.fingerprint().equals(p.plan().goldenFingerprint())) {
            throw stale(p, token, "golden changed since planning: " + p.plan().goldenFingerprint() + " -> " + golden.fingerprint(),
                    null);
        }
        DbTarget target = target(fleet, member);
        if (!plans.transition(id, from, StoredPlan.State.APPLYING)) {
            throw conflict("plan busy", "plan " + id + " changed state meanwhile (another apply?); read it again");
        }
        StoredPlan applying = p.with(StoredPlan.State.APPLYING, p.nextStatement(), p.resumeFingerprint(), p.result());
        if (!PlanApplier.stepwise(p)) {
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
        audit.record(p.fleet(), p.member(), p.id(), "apply", token, null, "refused: " + why,
                nowFp, p.plan().goldenFingerprint());
        return conflict("plan stale", why + "; make a new plan");
    }

    /** Null when {@code after} has no drift from golden, else the first differences in one line. */
    static String stillDiffers(Engine engine, Snapshot golden, Snapshot after) {
        List<Change> left = engine.diff(golden, after).driftChanges();
        if (left.isEmpty()) {
            return null;
        }
        String shown = left.stream().limit(5).map(Change::describe).collect(Collectors.joining("; "));
        return left.size() > 5 ? shown + "; and " + (left.size() - 5) + " more" : shown;
    }

    private Snapshot snapshot(DbTarget target, FleetConfig config) {
        try {
            return engine.snapshot(target, new InspectOptions(config.timeout()));
        } catch (EngineException e) {
            throw new ReconcileException(Kind.CONFLICT, "target unreadable", e.getMessage());
        }
    }

    private FleetConfig config(String fleet) {
        return source.config(fleet).orElseThrow(() -> new ReconcileException(Kind.NOT_FOUND, "not found",
                "no fleet '" + fleet + "'"));
    }

    private DbTarget target(String fleet, String member) {
        return source.target(fleet, member).orElseThrow(() -> new ReconcileException(Kind.NOT_FOUND, "not found",
                "no member '" + member + "' in fleet '" + fleet + "' (as of the last sweep)"));
    }

    private Snapshot golden(String fleet) {
        return source.golden(fleet).orElseThrow(() -> conflict("no golden",
                "fleet '" + fleet + "' has no golden yet: run a sweep first"));
    }

    private static ReconcileException conflict(String error, String detail) {
        return new ReconcileException(Kind.CONFLICT, error, detail);
    }
}
