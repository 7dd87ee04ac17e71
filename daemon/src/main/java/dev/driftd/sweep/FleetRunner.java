package dev.driftd.sweep;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.MemberConfig;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.engine.SqlErrors;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetMember;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;
import dev.driftd.store.FleetRecord;
import dev.driftd.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One fleet's life in the daemon: its current status, the snapshots behind it, and its sweeps,
 * one at a time. {@link #sweepNow()} asks the scheduler (through {@code trigger}) to run a sweep and
 * returns a future that only a sweep that <em>starts after the call</em> completes: a request that
 * arrives while a sweep runs waits for it, then gets the next one.
 */
public final class FleetRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

    private final Sweep sweep;
    private final Store store;
    private final Engine engine;
    private final Consumer<String> trigger;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    private volatile FleetConfig config;
    private volatile FleetStatus status;
    private volatile Snapshot golden;
    private volatile Map<String, Snapshot> snapshots = Map.of();
    private volatile Map<String, FleetMember> members = Map.of();

    private final Object requests = new Object();
    private List<CompletableFuture<SweepResult>> waiting = new ArrayList<>();
    /** When each waiting request arrived (a sweep another node ran answers only those before its start). */
    private final Map<CompletableFuture<SweepResult>, Instant> askedAt = new java.util.IdentityHashMap<>();
    private boolean running;

    /**
     * @param trigger asks the scheduler to run this fleet's sweep soon (it calls {@link #runSweep()});
     *                it may throw when the scheduler is down
     */
    public FleetRunner(FleetConfig config, Sweep sweep, Store store, Engine engine, Consumer<String> trigger) {
        this.config = config;
        this.sweep = sweep;
        this.store = store;
        this.engine = engine;
        this.trigger = trigger;
        this.status = new FleetStatus(config.name(), config.schedule(), null, null, null, null, pending(config, List.of()));
    }

    public String name() {
        return config.name();
    }

    public FleetConfig config() {
        return config;
    }

    /** Takes a changed configuration; the next sweep uses it. */
    public void update(FleetConfig newConfig) {
        this.config = newConfig;
        FleetStatus s = status;
        status = new FleetStatus(s.name(), newConfig.schedule(), s.goldenFingerprint(), s.goldenError(),
                s.lastSweepStarted(), s.lastSweepFinished(), s.members());
    }

    /** Starts from what the store remembers (a restart keeps states, open drift and its start). */
    public void restore() {
        if (store == null) {
            return;
        }
        try {
            List<MemberStatus> kept = store.memberStates(config.name());
            Optional<FleetRecord> fleet = store.fleetState(config.name());
            Snapshot g = fleet.map(FleetRecord::goldenFingerprint).flatMap(store::snapshot).orElse(null);
            golden = g;
            status = new FleetStatus(config.name(), config.schedule(), g == null ? null : g.fingerprint(),
                    fleet.map(FleetRecord::goldenError).orElse(null),
                    fleet.map(FleetRecord::lastSweepStarted).orElse(null),
                    fleet.map(FleetRecord::lastSweepFinished).orElse(null), pending(config, kept));
        } catch (RuntimeException e) {
            LOG.warn("fleet {}: cannot restore its state from the store: {}", config.name(), SqlErrors.oneLine(e));
        }
    }

    /** Stored states first, then explicit members the store has not seen yet, as PENDING. */
    private static List<MemberStatus> pending(FleetConfig config, List<MemberStatus> kept) {
        Map<String, MemberStatus> out = new LinkedHashMap<>();
        for (MemberStatus m : kept) {
            out.put(m.member(), m);
        }
        for (MemberConfig m : config.members()) {
            out.putIfAbsent(m.name(), new MemberStatus(config.name(), m.name(), MemberState.PENDING, null, null, null,
                    Map.of(), null, null));
        }
        return new ArrayList<>(out.values());
    }

    public FleetStatus status() {
        return status;
    }

    public CompletableFuture<SweepResult> sweepNow() {
        CompletableFuture<SweepResult> f = new CompletableFuture<>();
        boolean ask;
        synchronized (requests) {
            // a sweep is already asked for when someone waits and none runs: it will take this request too
            ask = !running && waiting.isEmpty();
            waiting.add(f);
            askedAt.put(f, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
        if (ask) {
            askScheduler();
        }
        return f;
    }

    private void askScheduler() {
        try {
            trigger.accept(config.name());
        } catch (RuntimeException e) {
            List<CompletableFuture<SweepResult>> failed;
            synchronized (requests) {
                failed = waiting;
                waiting = new ArrayList<>();
                askedAt.clear();
            }
            failed.forEach(x -> x.completeExceptionally(e));
        }
    }

    /** Runs one sweep now (what the scheduled job calls); one at a time per fleet. */
    public SweepResult runSweep() throws InterruptedException {
        oneAtATime.lockInterruptibly();
        List<CompletableFuture<SweepResult>> mine;
        synchronized (requests) {
            running = true;
            mine = waiting;
            waiting = new ArrayList<>();
            askedAt.clear();
        }
        SweepOutcome out = null;
        RuntimeException failure = null;
        try {
            FleetStatus before = status;
            Map<String, MemberStatus> prev = new LinkedHashMap<>();
            for (MemberStatus m : before.members()) {
                prev.put(m.member(), m);
            }
            out = sweep.run(config, new Sweep.Previous(prev, members, golden));
            status = out.status();
            members = out.members();
            golden = out.golden();
            snapshots = out.snapshots();
            return out.result();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("fleet {}: the sweep failed: {}", config.name(), SqlErrors.oneLine(e), e);
            throw e;
        } finally {
            boolean again;
            synchronized (requests) {
                running = false;
                again = !waiting.isEmpty();
            }
            oneAtATime.unlock();
            for (CompletableFuture<SweepResult> f : mine) {
                if (out != null) {
                    f.complete(out.result());
                } else {
                    f.completeExceptionally(failure != null ? failure : new InterruptedException("sweep interrupted"));
                }
            }
            if (again) {
                askScheduler();
            }
        }
    }

    /**
     * Cluster: adopts the store's state of this fleet when another node recorded a sweep newer than
     * the one this node knows, and answers the {@link #sweepNow()} requests that arrived before
     * that sweep started (others keep waiting and ask again). Skipped while this node sweeps the
     * fleet: its own result will be newer. Throws StoreException when the store is away; the state
     * is then kept as it was. True when it adopted a newer state.
     */
    public boolean refreshFromStore() {
        if (store == null || !oneAtATime.tryLock()) {
            return false;
        }
        List<CompletableFuture<SweepResult>> answered = new ArrayList<>();
        SweepResult result;
        boolean again;
        try {
            FleetRecord rec = store.fleetState(config.name()).orElse(null);
            FleetStatus mine = status;
            if (rec == null || rec.lastSweepFinished() == null || (mine.lastSweepFinished() != null
                    && !rec.lastSweepFinished().isAfter(mine.lastSweepFinished()))) {
                return false;
            }
            List<MemberStatus> kept = store.memberStates(config.name());
            Snapshot g = rec.goldenFingerprint() == null ? null
                    : store.snapshot(rec.goldenFingerprint()).orElse(null);
            FleetStatus next = new FleetStatus(config.name(), config.schedule(), g == null ? null : g.fingerprint(),
                    rec.goldenError(), rec.lastSweepStarted(), rec.lastSweepFinished(), pending(config, kept));
            golden = g;
            snapshots = Map.of(); // the other node's snapshots: read from the store when a diff asks
            status = next;
            Map<dev.driftd.fleet.MemberState, Integer> n = next.countByState();
            result = new SweepResult(next.name(), rec.lastSweepStarted(), rec.lastSweepFinished(), next.members().size(),
                    n.get(MemberState.IN_SYNC), n.get(MemberState.DRIFTED), n.get(MemberState.UNREACHABLE),
                    rec.goldenError(), 0);
            synchronized (requests) {
                for (CompletableFuture<SweepResult> f : List.copyOf(waiting)) {
                    Instant at = askedAt.get(f);
                    if (rec.lastSweepStarted() != null && at != null && !rec.lastSweepStarted().isBefore(at)) {
                        answered.add(f);
                        waiting.remove(f);
                        askedAt.remove(f);
                    }
                }
                // requests that came after that sweep started need one more (the trigger was taken by it)
                again = !answered.isEmpty() && !waiting.isEmpty() && !running;
            }
        } finally {
            oneAtATime.unlock();
        }
        answered.forEach(f -> f.complete(result));
        if (again) {
            askScheduler();
        }
        return true;
    }

    /**
     * The members this fleet knows where to read: those of the last sweep, plus explicit members
     * of the configuration not swept yet (what DDL events are matched against).
     */
    public List<FleetMember> knownMembers() {
        Map<String, FleetMember> out = new LinkedHashMap<>(members);
        for (MemberConfig m : config.members()) {
            out.putIfAbsent(m.name(), new FleetMember(config.name(), m.name(), m.target(), FleetMember.EXPLICIT));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Snapshots one member now (a DDL event asked for it) and updates its status as a sweep would,
     * leaving the other members alone. Waits for a running sweep of the fleet first (one writer at
     * a time). Empty when the fleet does not know the member.
     */
    public Optional<MemberStatus> snapshotMember(String member) throws InterruptedException {
        oneAtATime.lockInterruptibly();
        try {
            FleetMember m = knownMembers().stream().filter(x -> x.name().equals(member)).findFirst().orElse(null);
            if (m == null) {
                return Optional.empty();
            }
            FleetStatus before = status;
            MemberStatus prev = before.members().stream().filter(x -> x.member().equals(member)).findFirst()
                    .orElse(null);
            Sweep.MemberResult r = sweep.snapshotMember(config, m, prev, golden);
            List<MemberStatus> list = new ArrayList<>(before.members());
            int i = prev == null ? -1 : list.indexOf(prev);
            if (i >= 0) {
                list.set(i, r.status());
            } else {
                list.add(r.status());
            }
            if (r.snapshot() != null) {
                Map<String, Snapshot> next = new java.util.HashMap<>(snapshots);
                next.put(r.snapshot().fingerprint(), r.snapshot());
                // drop snapshots no member or golden refers to any more, so repeated events do not pile them up
                java.util.Set<String> used = new java.util.HashSet<>();
                list.forEach(x -> used.add(x.fingerprint()));
                if (golden != null) {
                    used.add(golden.fingerprint());
                }
                next.keySet().retainAll(used);
                snapshots = next;
            }
            status = new FleetStatus(before.name(), before.schedule(), before.goldenFingerprint(), before.goldenError(),
                    before.lastSweepStarted(), before.lastSweepFinished(), list);
            return Optional.of(r.status());
        } finally {
            oneAtATime.unlock();
        }
    }

    /** The golden of the last sweep (null before the first): plans are bound to its fingerprint. */
    public Snapshot golden() {
        return golden;
    }

    /** A member of the last sweep by name (plans connect to it to apply). */
    public Optional<FleetMember> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** The member's last snapshot against golden; empty when the member is unknown. */
    public Optional<Diff> diff(String member) {
        return pair(member).map(p -> engine.diff(p[0], p[1]));
    }

    public Optional<Plan> reconcile(String member) {
        return pair(member).map(p -> engine.plan(engine.diff(p[0], p[1]), p[0], p[1], PlanOptions.DEFAULT));
    }

    /** [golden, member] snapshots; throws IllegalStateException when either is not known yet. */
    private Optional<Snapshot[]> pair(String member) {
        FleetStatus s = status;
        MemberStatus m = s.members().stream().filter(x -> x.member().equals(member)).findFirst().orElse(null);
        if (m == null) {
            return Optional.empty();
        }
        Snapshot g = golden;
        if (g == null) {
            throw new IllegalStateException("fleet " + s.name() + " has no golden yet"
                    + (s.goldenError() == null ? " (no sweep has run)" : ": " + s.goldenError()));
        }
        if (m.fingerprint() == null) {
            throw new IllegalStateException("member " + member + " of fleet " + s.name() + " has no snapshot yet"
                    + (m.error() == null ? "" : ": " + m.error()));
        }
        Snapshot target = snapshot(m.fingerprint()).orElse(null);
        if (target == null) {
            throw new IllegalStateException("the snapshot " + m.fingerprint() + " of member " + member
                    + " is no longer stored");
        }
        return Optional.of(new Snapshot[]{g, target});
    }

    /** A snapshot with this fingerprint: the last sweep's, else the store's (another node's sweep); empty when gone. */
    public Optional<Snapshot> snapshot(String fingerprint) {
        Snapshot s = snapshots.get(fingerprint);
        if (s == null && store != null) {
            return store.snapshot(fingerprint);
        }
        return Optional.ofNullable(s);
    }

    /** The fleet left the configuration: forget its members everywhere. */
    public void retire(FleetEvents events) {
        Instant now = Instant.now();
        for (MemberStatus m : status.members()) {
            if (store != null) {
                try {
                    store.removeMember(m.fleet(), m.member(), now);
                } catch (RuntimeException e) {
                    LOG.warn("fleet {}: cannot forget {}: {}", m.fleet(), m.member(), SqlErrors.oneLine(e));
                }
            }
            try {
                events.memberRemoved(m.fleet(), m.member());
            } catch (RuntimeException e) {
                LOG.warn("a fleet event listener failed: {}", SqlErrors.oneLine(e));
            }
        }
        synchronized (requests) {
            waiting.forEach(f -> f.completeExceptionally(new IllegalStateException("fleet " + name()
                    + " was removed from the configuration")));
            waiting = new ArrayList<>();
            askedAt.clear();
        }
    }
}
