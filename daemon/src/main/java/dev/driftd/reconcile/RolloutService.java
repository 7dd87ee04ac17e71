package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.RolloutConfig;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.TargetScope;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.reconcile.ReconcileException.Kind;
import dev.driftd.schema.Snapshot;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fleet rollouts: one plan for a drift variant, rolled out to the variant's members canary first,
 * then in waves. Made (POST, admin) from golden and the variant's snapshot, approved like a plan
 * (the fleet's {@code approvals: N} admins other than its maker, destructive approval for a
 * destructive plan), started (admin, only where the fleet says {@code apply: enabled}) and then run
 * in the background by {@link RolloutRun}. One rollout runs per fleet at a time. Each node writes
 * a heartbeat for the rollouts it runs; RUNNING rollouts whose heartbeat stopped (their node died)
 * are marked INTERRUPTED.
 */
public final class RolloutService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);
    /** How often running rollouts' heartbeats are written and orphans looked for. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A RUNNING rollout without a heartbeat for this long lost its node. */
    static final Duration ORPHANED_AFTER = Duration.ofSeconds(60);
    /** How many rollouts the list shows. */
    public static final int LIST_LIMIT = 100;
    /** Shortest fingerprint prefix that names a variant. */
    static final int MIN_PREFIX = 8;

    private final ReconcileSource source;
    private final PlanStore plans;
    private final RolloutStore rollouts;
    private final AuditLog audit;
    private final Engine engine;
    private final RolloutMemberApply memberApply;
    private final ExecutorService runner;
    private final ScheduledExecutorService watch;
    private final Map<String, RolloutRun> running = new ConcurrentHashMap<>();
    /** When this sole node started (its own heartbeats are all later); null in a cluster. */
    private final Instant soleNodeSince;
    /** Per fleet, the latest rollout this node ran (running or ended): what the metrics show. */
    private final Map<String, Rollout> latest = new ConcurrentHashMap<>();

    public RolloutService(ReconcileSource source, PlanStore plans, AuditLog audit, Engine engine) {
        this(source, plans, audit, engine, false);
    }

    /**
     * @param soleNode true when no other daemon can share the store (an embedded H2 store is
     *                 locked by one process): then every rollout RUNNING with a heartbeat from
     *                 before this service started lost its daemon (kill -9, power loss) and is
     *                 marked interrupted at once on restart, not after {@link #ORPHANED_AFTER}
     */
    public RolloutService(ReconcileSource source, PlanStore plans, AuditLog audit, Engine engine, boolean soleNode) {
        this.soleNodeSince = soleNode ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : null;
        this.source = source;
        this.plans = plans;
        this.rollouts = new RolloutStore(plans);
        this.audit = audit;
        this.engine = engine;
        this.memberApply = new RolloutMemberApply(engine, source, audit);
        this.runner = Executors.newCachedThreadPool(r -> daemonThread(r, "driftd-rollout"));
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "driftd-rollout-watch"));
        watch.scheduleWithFixedDelay(this::watch, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What names the variant: its fingerprint (or a unique prefix of it), or one member that has it. */
    public record VariantRef(String fingerprint, String member) {
    }

    /** Makes (and stores) the rollout of one plan for the variant's members as of the last sweep. */
    public Rollout create(String fleet, VariantRef ref, String token) {
        FleetConfig config = Required.config(source, fleet);
        Required.golden(source, fleet);
        Map<String, List<String>> variants = source.variants(fleet);
        String fingerprint;
        String first = null;
        if (ref.member() != null) {
            Required.target(source, fleet, ref.member());
            first = ref.member();
            fingerprint = variants.entrySet().stream().filter(e -> e.getValue().contains(ref.member()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> conflict("no fingerprint",
                            "member '" + ref.member() + "' had no snapshot at the last sweep (pending or unreachable)"));
        } else if (ref.fingerprint() != null) {
            fingerprint = resolve(fleet, variants, ref.fingerprint());
        } else {
            throw new ReconcileException(Kind.BAD_REQUEST, "bad request",
                    "name the variant: {\"fingerprint\": \"<fingerprint or a prefix of at least " + MIN_PREFIX
                            + " characters>\"} or {\"member\": \"<a member that has it>\"}");
        }
        List<String> order = new ArrayList<>(variants.get(fingerprint));
        order.sort(null);
        if (first != null) {
            order.remove(first);
            order.add(0, first); // the member that named the variant is its canary
        }
        // the plan leads to the canary's expected schema (golden plus its overlays): members of the
        // variant expected to look otherwise need a rollout of their own
        Snapshot golden = Required.expected(source, fleet, order.get(0));
        order.removeIf(m -> !source.expected(fleet, m).map(Snapshot::fingerprint).orElse("")
                .equals(golden.fingerprint()));
        if (fingerprint.equals(golden.fingerprint())) {
            throw conflict("nothing to roll out", "variant " + fingerprint + " is golden's schema"
                    + (config.overlaysOf(order.get(0)).isEmpty() ? "" : " with its overlays"));
        }
        Snapshot shared = source.snapshot(fleet, fingerprint).orElseThrow(() -> conflict("variant gone",
                "the snapshot " + fingerprint + " is no longer known: run a sweep and try again"));
        // the stored snapshot is whichever tenant was read first: write the plan for the canary's own scope
        Snapshot variant = source.target(fleet, order.get(0)).map(t -> TargetScope.of(shared, t)).orElse(shared);
        Diff diff = engine.diff(golden, variant);
        Plan computed = engine.plan(diff, golden, variant, PlanOptions.DEFAULT);
        if (diff.inSync() || computed.runnable(true).isEmpty()) {
            throw conflict("nothing to roll out", "variant " + fingerprint + " has no drift a statement can fix"
                    + (computed.warnings().isEmpty() ? "" : ": " + String.join("; ", computed.warnings())));
        }
        Plan plan = new Plan(computed.flavor(), golden.fingerprint(), fingerprint, computed.transactional(),
                computed.preamble(), computed.statements(), computed.warnings());
        RolloutConfig rc = config.rollout();
        List<RolloutMember> members = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            members.add(new RolloutMember(i, order.get(i), Rollout.waveOf(i, rc.canary(), rc.wave()),
                    RolloutMember.State.WAITING, null, null, null, null, null));
        }
        Rollout r = new Rollout(UUID.randomUUID().toString(), fleet, fingerprint, token, Instant.now(), plan,
                rc.canary(), rc.wave(), rc.pause(), Rollout.State.PLANNED, null, null, null, null, members);
        rollouts.insert(r);
        int waves = members.get(members.size() - 1).wave() + (members.get(0).wave() == 0 ? 1 : 0);
        audit.record(AuditLog.entry(fleet, null, "rollout", token).rollout(r.id()).sql(SqlScript.render(plan, true))
                .result(members.size() + " members in " + waves + " waves (canary " + rc.canary() + ", wave "
                        + rc.wave() + ", pause " + rc.pause().toMillis() + " ms), " + plan.statements().size()
                        + " statements" + (plan.hasDestructive() ? ", destructive" : ""))
                .fingerprints(fingerprint, golden.fingerprint()));
        return r;
    }

    /** A full fingerprint of one of the fleet's variants, or a unique prefix of one. */
    private static String resolve(String fleet, Map<String, List<String>> variants, String asked) {
        if (variants.containsKey(asked)) {
            return asked;
        }
        if (asked.length() < MIN_PREFIX) {
            throw new ReconcileException(Kind.BAD_REQUEST, "bad request", "a fingerprint prefix needs at least "
                    + MIN_PREFIX + " characters: '" + asked + "'");
        }
        List<String> matches = variants.keySet().stream().filter(f -> f.startsWith(asked)).toList();
        if (matches.isEmpty()) {
            throw new ReconcileException(Kind.NOT_FOUND, "not found", "no member of fleet '" + fleet
                    + "' had fingerprint " + asked + " at the last sweep");
        }
        if (matches.size() > 1) {
            throw new ReconcileException(Kind.BAD_REQUEST, "bad request", "fingerprint prefix " + asked
                    + " names " + matches.size() + " variants; give more of it");
        }
        return matches.get(0);
    }

    public Rollout get(String fleet, String id) {
        Required.config(source, fleet);
        Rollout r = rollouts.find(id).orElse(null);
        if (r == null || !r.fleet().equals(fleet)) {
            throw new ReconcileException(Kind.NOT_FOUND, "not found", "no rollout '" + id + "' in fleet '" + fleet + "'");
        }
        return r;
    }

    /** The fleet's rollouts, newest first. */
    public List<Rollout> list(String fleet) {
        Required.config(source, fleet);
        return rollouts.list(fleet, LIST_LIMIT);
    }

    public List<Approval> approvals(String id) {
        return plans.approvals(id);
    }

    /** Records {@code token}'s approval of a rollout that has not started; the rules are the plans'. */
    public void approve(String fleet, String id, String token, boolean destructive) {
        Rollout r = get(fleet, id);
        if (r.state() != Rollout.State.PLANNED) {
            throw conflict("rollout not open", "rollout " + id + " is " + r.state().label());
        }
        ApprovalRules.approve(plans, "rollout", id, r.createdBy(), r.plan().hasDestructive(), token, destructive);
        audit.record(AuditLog.entry(fleet, null, "rollout-approve", token).rollout(id)
                .result(destructive ? "approved (destructive)" : "approved")
                .fingerprints(r.variantFingerprint(), r.goldenFingerprint()));
    }

    /**
     * Starts an approved rollout in the background; answers at once with it RUNNING. 403 unless the
     * fleet allows applying; 409 when not approved, when golden moved since it was made (it turns
     * stale), or when another rollout of the fleet is running.
     */
    public Rollout start(String fleet, String id, String token) {
        FleetConfig config = Required.config(source, fleet);
        Required.applyEnabled(config);
        Rollout r = get(fleet, id);
        if (r.state() != Rollout.State.PLANNED) {
            throw conflict("rollout not startable", "rollout " + id + " is " + r.state().label()
                    + "; a rollout runs once: make a new one for members it did not reach");
        }
        ApprovalRules.requireEnough(plans.approvals(id), "rollout", id, r.createdBy(), r.plan().hasDestructive(),
                config.approvals());
        Snapshot golden = Required.expected(source, fleet, r.members().get(0).member());
        if (!golden.fingerprint().equals(r.goldenFingerprint())) {
            String why = "golden changed since the rollout was made: " + r.goldenFingerprint() + " -> "
                    + golden.fingerprint();
            rollouts.markStale(id, why);
            audit.record(AuditLog.entry(fleet, null, "rollout-start", token).rollout(id).result("refused: " + why)
                    .fingerprints(r.variantFingerprint(), golden.fingerprint()));
            throw conflict("rollout stale", why + "; make a new rollout");
        }
        RolloutStore.Start start = rollouts.start(fleet, id, token, Instant.now());
        if (start.otherRunning() != null) {
            throw conflict("rollout running", "rollout " + start.otherRunning() + " of fleet '" + fleet
                    + "' is running; one rollout runs per fleet at a time");
        }
        if (!start.started()) {
            throw conflict("rollout busy", "rollout " + id + " changed state meanwhile (started twice?); read it again");
        }
        audit.record(AuditLog.entry(fleet, null, "rollout-start", token).rollout(id)
                .result("started: " + r.members().size() + " members")
                .fingerprints(r.variantFingerprint(), r.goldenFingerprint()));
        Rollout started = get(fleet, id);
        latest.put(fleet, started);
        RolloutRun run = new RolloutRun(started, rollouts, audit, memberApply, x -> latest.put(x.fleet(), x));
        running.put(id, run);
        try {
            runner.execute(() -> {
                try {
                    run.run();
                } finally {
                    running.remove(id);
                }
            });
        } catch (RuntimeException e) {
            running.remove(id);
            rollouts.finish(id, Rollout.State.INTERRUPTED, "the daemon is stopping: not started", Instant.now());
            throw conflict("daemon stopping", "the daemon is stopping; the rollout did not start");
        }
        return started;
    }

    /**
     * Members of the fleet's latest rollout on this node (running, or ended until another starts)
     * in this state label ({@code waiting}, {@code applying}, {@code applied}, {@code failed},
     * {@code skipped}); 0 when none.
     */
    public int members(String fleet, String state) {
        Rollout r = latest.get(fleet);
        if (r == null) {
            return 0;
        }
        return (int) r.members().stream().filter(m -> m.state().label().equals(state)).count();
    }

    /** Writes this node's heartbeats and marks rollouts whose node died as interrupted. */
    private void watch() {
        try {
            Instant now = Instant.now();
            rollouts.heartbeat(List.copyOf(running.keySet()), now);
            Instant cutoff = now.minus(ORPHANED_AFTER);
            if (soleNodeSince != null && soleNodeSince.isAfter(cutoff)) {
                cutoff = soleNodeSince;
            }
            for (String id : rollouts.interruptOrphans(cutoff, now)) {
                LOG.warn("rollout {} had no heartbeat since {}: marked interrupted (its daemon stopped)", id, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warn("rollouts: cannot write heartbeats: {}", SqlErrors.oneLine(e));
        }
    }

    /**
     * Stops running rollouts before their next member (a member being applied finishes first, at
     * most its lock and statement timeouts), marking them INTERRUPTED; waits up to 30 s.
     */
    @Override
    public void close() {
        // shutdown, not shutdownNow: an interrupt in the middle of the store's file I/O (H2) closes its file
        watch.shutdown();
        running.values().forEach(RolloutRun::stop);
        runner.shutdown();
        try {
            watch.awaitTermination(10, TimeUnit.SECONDS);
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("rollouts still running after 30 s at shutdown: {}", running.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static ReconcileException conflict(String error, String detail) {
        return new ReconcileException(Kind.CONFLICT, error, detail);
    }
}
