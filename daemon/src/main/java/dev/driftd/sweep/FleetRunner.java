package dev.driftd.sweep;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.MemberConfig;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.TargetScope;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.Discovery;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetMember;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberDiff;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberRows;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.Shard;
import dev.driftd.fleet.SweepResult;
import dev.driftd.plan.Plan;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.Snapshot;
import dev.driftd.store.FleetRecord;
import dev.driftd.store.ShardRecord;
import dev.driftd.store.Store;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * One fleet's life in the daemon: its current status, the snapshots behind it, and its sweeps. A
 * fleet with {@code shards: N} is swept as N {@link Shard}s, each its own scheduled job (so
 * cluster nodes can sweep different shards at once); a shard's sweep replaces the state of its own
 * members only, so the status always holds the whole fleet. Never two sweeps of one shard at once
 * here. {@link #sweepNow()} asks the scheduler (through {@code trigger}) to sweep every shard and
 * returns a future that only sweeps that <em>start after the call</em> complete: a request that
 * arrives while a shard's sweep runs waits for it, then gets the next one.
 */
public final class FleetRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

    /** One shard's sweep lock, its waiting requests, and the end of its last sweep this node has taken in. */
    private static final class ShardSlot {
        final ReentrantLock sweeping = new ReentrantLock();
        final SweepRequests requests = new SweepRequests();
        volatile Instant knownFinished;
    }

    private final Sweep sweep;
    private final Store store;
    private final Engine engine;
    private final BiConsumer<String, Shard> trigger;
    private final Map<Integer, ShardSlot> slots = new ConcurrentHashMap<>();
    /** Serializes changes to the state below (shards finish independently); readers read the volatile fields. */
    private final Object stateLock = new Object();

    private volatile FleetConfig config;
    private volatile FleetStatus status;
    private volatile Snapshot golden;
    /** Golden as resolved before the ignore rules, by this node's last sweep that resolved it (null before). */
    private volatile Snapshot rawGolden;
    /** The fingerprint of {@link #golden} that {@link #rawGolden} is the unfiltered read of. */
    private volatile String rawGoldenOf;
    /** When the sweep that resolved {@link #golden} ended: a shard's newer golden replaces it. */
    private volatile Instant goldenAt;
    private volatile Map<String, Snapshot> snapshots = Map.of();
    private volatile Map<String, FleetMember> members = Map.of();

    /**
     * @param trigger asks the scheduler to run the sweep of one shard of this fleet soon (it calls
     *                {@link #runSweep(int)}); it may throw when the scheduler is down
     */
    public FleetRunner(FleetConfig config, Sweep sweep, Store store, Engine engine, BiConsumer<String, Shard> trigger) {
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
        synchronized (stateLock) {
            this.config = newConfig;
            FleetStatus s = status;
            status = new FleetStatus(s.name(), newConfig.schedule(), s.goldenFingerprint(), s.goldenError(),
                    s.lastSweepStarted(), s.lastSweepFinished(), s.members());
        }
    }

    /** Starts from what the store remembers (a restart keeps states, open drift and its start). */
    public void restore() {
        if (store == null) {
            return;
        }
        try {
            List<MemberStatus> kept = store.memberStates(config.name()).stream().map(MemberRows::status).toList();
            Optional<FleetRecord> fleet = store.fleetState(config.name());
            Snapshot g = fleet.map(FleetRecord::goldenFingerprint).flatMap(store::snapshot).orElse(null);
            synchronized (stateLock) {
                golden = g;
                goldenAt = fleet.map(FleetRecord::lastSweepFinished).orElse(null);
                status = new FleetStatus(config.name(), config.schedule(), g == null ? null : g.fingerprint(),
                        fleet.map(FleetRecord::goldenError).orElse(null),
                        fleet.map(FleetRecord::lastSweepStarted).orElse(null),
                        fleet.map(FleetRecord::lastSweepFinished).orElse(null), pending(config, kept));
            }
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

    private ShardSlot slot(int shard) {
        return slots.computeIfAbsent(shard, k -> new ShardSlot());
    }

    /**
     * Asks for a sweep of every shard; completes with their combined result once each shard has
     * been swept by a sweep that started after this call (on this node or, in a cluster, another).
     */
    public CompletableFuture<SweepResult> sweepNow() {
        FleetConfig cfg = config;
        List<CompletableFuture<SweepResult>> parts = new ArrayList<>();
        for (int i = 0; i < cfg.shards(); i++) {
            Shard shard = new Shard(i, cfg.shards());
            CompletableFuture<SweepResult> f = new CompletableFuture<>();
            parts.add(f);
            // a sweep is already asked for when someone waits and none runs: it will take this request too
            if (slot(i).requests.add(f)) {
                askScheduler(shard);
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> SweepResult.combine(cfg.name(), parts.stream().map(CompletableFuture::join).toList()));
    }

    private void askScheduler(Shard shard) {
        try {
            trigger.accept(config.name(), shard);
        } catch (RuntimeException e) {
            slot(shard.index()).requests.drain().forEach(x -> x.completeExceptionally(e));
        }
    }

    /** Sweeps every shard, one after another, and returns the combined result (the scheduler runs shards as separate jobs). */
    public SweepResult runSweep() throws InterruptedException {
        int n = config.shards();
        List<SweepResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(runSweep(i));
        }
        return SweepResult.combine(name(), out);
    }

    /**
     * Runs one sweep of shard {@code index} now (what its scheduled job calls; 0 for an unsharded
     * fleet); one at a time per shard. Throws IllegalArgumentException when the fleet has no such
     * shard (any more).
     */
    public SweepResult runSweep(int index) throws InterruptedException {
        FleetConfig cfg = config;
        Shard shard = new Shard(index, cfg.shards());
        ShardSlot slot = slot(index);
        slot.sweeping.lockInterruptibly();
        List<CompletableFuture<SweepResult>> mine = slot.requests.start();
        SweepOutcome out = null;
        RuntimeException failure = null;
        try {
            out = sweep.run(cfg, shard, previous(shard));
            takeIn(shard, out);
            slot.knownFinished = out.result().finished();
            return out.result();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("fleet {}{}: the sweep failed: {}", cfg.name(), shard.whole() ? "" : " shard " + shard,
                    SqlErrors.oneLine(e), e);
            throw e;
        } finally {
            boolean again = slot.requests.end();
            slot.sweeping.unlock();
            for (CompletableFuture<SweepResult> f : mine) {
                if (out != null) {
                    f.complete(out.result());
                } else {
                    f.completeExceptionally(failure != null ? failure : new InterruptedException("sweep interrupted"));
                }
            }
            if (again) {
                askScheduler(shard);
            }
        }
    }

    /**
     * What the shard's sweep starts from: its members' states and the members it knew, the last
     * golden, and the other shards' members with the fingerprint of their last good snapshot.
     */
    private Sweep.Previous previous(Shard shard) {
        Map<String, MemberStatus> prev = new LinkedHashMap<>();
        Map<String, String> others = new HashMap<>();
        for (MemberStatus m : status.members()) {
            if (shard.contains(m.member())) {
                prev.put(m.member(), m);
            } else if (m.fingerprint() != null && m.state() != MemberState.UNREACHABLE) {
                others.put(m.member(), m.fingerprint());
            }
        }
        Map<String, FleetMember> known = new LinkedHashMap<>();
        members.forEach((name, m) -> {
            if (shard.contains(name)) {
                known.put(name, m);
            }
        });
        return new Sweep.Previous(prev, known, golden, others);
    }

    /** A shard's sweep ended here: its members' states replace theirs, the other shards' stay. */
    private void takeIn(Shard shard, SweepOutcome out) {
        synchronized (stateLock) {
            FleetStatus swept = out.status();
            List<MemberStatus> list = new ArrayList<>();
            Map<String, FleetMember> known = new HashMap<>();
            if (!shard.whole()) {
                status.members().stream().filter(m -> !shard.contains(m.member())).forEach(list::add);
                members.forEach((name, m) -> {
                    if (!shard.contains(name)) {
                        known.put(name, m);
                    }
                });
            }
            list.addAll(swept.members());
            if (!shard.whole()) {
                list.sort(Comparator.comparing(MemberStatus::member));
            }
            known.putAll(out.members());
            golden = out.golden();
            if (out.rawGolden() != null && golden != null) {
                rawGolden = out.rawGolden();
                rawGoldenOf = golden.fingerprint();
            }
            goldenAt = swept.lastSweepFinished();
            members = Map.copyOf(known);
            Map<String, Snapshot> snaps = new HashMap<>(shard.whole() ? Map.of() : snapshots);
            snaps.putAll(out.snapshots());
            snapshots = retainUsed(snaps, list, golden);
            status = new FleetStatus(swept.name(), swept.schedule(), swept.goldenFingerprint(), swept.goldenError(),
                    swept.lastSweepStarted(), swept.lastSweepFinished(), list);
        }
    }

    /** Drops snapshots no member or golden refers to any more, so they do not pile up in memory. */
    private static Map<String, Snapshot> retainUsed(Map<String, Snapshot> snapshots, List<MemberStatus> members,
                                                    Snapshot golden) {
        Set<String> used = new HashSet<>();
        members.forEach(m -> used.add(m.fingerprint()));
        if (golden != null) {
            used.add(golden.fingerprint());
        }
        Map<String, Snapshot> out = new HashMap<>(snapshots);
        out.keySet().retainAll(used);
        return Map.copyOf(out);
    }

    /**
     * Cluster: when another node recorded a sweep of a shard newer than the one this node knows,
     * adopts the store's states of that shard's members (and of the other shards not being swept
     * here right now: the store holds every node's results) and, when it is the newest sweep, its
     * golden; then answers the {@link #sweepNow()} requests of that shard that arrived before that
     * sweep started (others keep waiting and ask again). A shard this node is sweeping keeps its
     * own state: its result will be newer. Throws StoreException when the store is away; the state
     * is then kept as it was. True when it adopted a newer state.
     */
    public boolean refreshFromStore() {
        if (store == null) {
            return false;
        }
        FleetConfig cfg = config;
        int n = cfg.shards();
        Map<Integer, ShardRecord> newer = new TreeMap<>();
        for (ShardRecord r : store.shardStates(cfg.name())) {
            // rows of an earlier shard count describe a layout that no longer exists
            if (r.shards() != n || r.shard() >= n || r.lastSweepFinished() == null) {
                continue;
            }
            Instant known = slot(r.shard()).knownFinished;
            if (known == null || r.lastSweepFinished().isAfter(known)) {
                newer.put(r.shard(), r);
            }
        }
        if (newer.isEmpty()) {
            return false;
        }
        Set<Integer> held = new TreeSet<>();
        List<Runnable> answers = new ArrayList<>();
        List<Shard> askAgain = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                if (slot(i).sweeping.tryLock()) {
                    held.add(i);
                }
            }
            newer.keySet().retainAll(held);
            if (newer.isEmpty()) {
                return false;
            }
            List<MemberStatus> stored = store.memberStates(cfg.name()).stream().map(MemberRows::status).toList();
            ShardRecord newest = newer.values().stream().max(Comparator.comparing(ShardRecord::lastSweepFinished))
                    .orElseThrow();
            boolean newGolden = goldenAt == null || newest.lastSweepFinished().isAfter(goldenAt);
            Snapshot g = !newGolden || newest.goldenFingerprint() == null ? null
                    : store.snapshot(newest.goldenFingerprint()).orElse(null);
            List<MemberStatus> list = new ArrayList<>();
            synchronized (stateLock) {
                FleetStatus cur = status;
                cur.members().stream().filter(m -> !held.contains(Shard.of(m.member(), n))).forEach(list::add);
                stored.stream().filter(m -> held.contains(Shard.of(m.member(), n))).forEach(list::add);
                if (n > 1) {
                    list.sort(Comparator.comparing(MemberStatus::member));
                }
                list = pending(cfg, list);
                String goldenFp = cur.goldenFingerprint();
                String goldenError = cur.goldenError();
                if (newGolden) {
                    golden = g;
                    goldenAt = newest.lastSweepFinished();
                    goldenFp = g == null ? null : g.fingerprint();
                    goldenError = newest.goldenError();
                }
                Instant started = cur.lastSweepStarted();
                Instant finished = cur.lastSweepFinished();
                if (finished == null || newest.lastSweepFinished().isAfter(finished)) {
                    started = newest.lastSweepStarted();
                    finished = newest.lastSweepFinished();
                }
                // the other node's snapshots are read from the store when a diff asks
                snapshots = retainUsed(snapshots, list, golden);
                status = new FleetStatus(cfg.name(), cfg.schedule(), goldenFp, goldenError, started, finished, list);
                newer.forEach((i, r) -> slot(i).knownFinished = r.lastSweepFinished());
            }
            for (ShardRecord r : newer.values()) {
                SweepRequests requests = slot(r.shard()).requests;
                List<CompletableFuture<SweepResult>> answered = requests.sweptElsewhere(r.lastSweepStarted());
                if (!answered.isEmpty()) {
                    SweepResult result = shardResult(cfg.name(), new Shard(r.shard(), n), r, list);
                    answers.add(() -> answered.forEach(f -> f.complete(result)));
                    // requests that came after that sweep started need one more (the trigger was taken by it)
                    if (requests.needsAsking()) {
                        askAgain.add(new Shard(r.shard(), n));
                    }
                }
            }
        } finally {
            held.forEach(i -> slot(i).sweeping.unlock());
        }
        answers.forEach(Runnable::run);
        askAgain.forEach(this::askScheduler);
        return true;
    }

    /** A shard's sweep that another node ran, as a result: its members as adopted from the store. */
    private static SweepResult shardResult(String fleet, Shard shard, ShardRecord r, List<MemberStatus> all) {
        int count = 0;
        Map<MemberState, Integer> n = new HashMap<>();
        for (MemberStatus m : all) {
            if (shard.contains(m.member())) {
                count++;
                n.merge(m.state(), 1, Integer::sum);
            }
        }
        return new SweepResult(fleet, r.lastSweepStarted(), r.lastSweepFinished(), count,
                n.getOrDefault(MemberState.IN_SYNC, 0), n.getOrDefault(MemberState.DRIFTED, 0),
                n.getOrDefault(MemberState.UNREACHABLE, 0), r.goldenError(), 0);
    }

    /**
     * The members this fleet knows where to read: those of the last sweep, plus explicit members
     * of the configuration not swept yet, and discovered members the store remembers from the last
     * run until a sweep here finds them again (what DDL events are matched against).
     */
    public List<FleetMember> knownMembers() {
        FleetConfig cfg = config;
        Map<String, FleetMember> out = new LinkedHashMap<>(members);
        for (MemberConfig m : cfg.members()) {
            out.putIfAbsent(m.name(), new FleetMember(cfg.name(), m.name(), m.target(), FleetMember.EXPLICIT));
        }
        // discovered members restored from the store, before this run's first sweep found them again
        for (MemberStatus m : status.members()) {
            if (!out.containsKey(m.member())) {
                Discovery.remembered(cfg, m.member()).ifPresent(f -> out.put(f.name(), f));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Snapshots one member now (a DDL event asked for it) and updates its status as a sweep would,
     * leaving the other members alone. Waits for a running sweep of the member's shard first (one
     * writer at a time). Empty when the fleet does not know the member.
     */
    public Optional<MemberStatus> snapshotMember(String member) throws InterruptedException {
        FleetConfig cfg = config;
        ShardSlot slot = slot(Shard.of(member, cfg.shards()));
        slot.sweeping.lockInterruptibly();
        try {
            FleetMember m = knownMembers().stream().filter(x -> x.name().equals(member)).findFirst().orElse(null);
            if (m == null) {
                return Optional.empty();
            }
            MemberStatus prev = status.members().stream().filter(x -> x.member().equals(member)).findFirst()
                    .orElse(null);
            Sweep.MemberResult r = sweep.snapshotMember(cfg, m, prev, golden);
            synchronized (stateLock) {
                FleetStatus before = status;
                List<MemberStatus> list = new ArrayList<>(before.members());
                int i = 0;
                while (i < list.size() && !list.get(i).member().equals(member)) {
                    i++;
                }
                if (i < list.size()) {
                    list.set(i, r.status());
                } else {
                    list.add(r.status());
                }
                if (r.snapshot() != null) {
                    Map<String, Snapshot> next = new HashMap<>(snapshots);
                    next.put(r.snapshot().fingerprint(), r.snapshot());
                    snapshots = retainUsed(next, list, golden);
                }
                status = new FleetStatus(before.name(), before.schedule(), before.goldenFingerprint(),
                        before.goldenError(), before.lastSweepStarted(), before.lastSweepFinished(), list);
            }
            return Optional.of(r.status());
        } finally {
            slot.sweeping.unlock();
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

    /** [golden, member] as {@link #diff} compares them (the console's side-by-side view). */
    public Optional<Snapshot[]> snapshots(String member) {
        return pair(member);
    }

    /**
     * The kinds neither golden's nor the member's last snapshot compared (the diff's notInspected),
     * from the snapshots alone, without a diff; empty when either is not known.
     */
    public java.util.Set<dev.driftd.schema.ObjectKind> notInspected(String member) {
        Snapshot g = golden;
        MemberStatus m = status.members().stream().filter(x -> x.member().equals(member)).findFirst().orElse(null);
        if (g == null || m == null || m.fingerprint() == null) {
            return java.util.Set.of();
        }
        return notInspected(g, m.fingerprint());
    }

    /**
     * {@link #notInspected(String)} of every member with a snapshot, by member name. Each distinct
     * fingerprint is looked at once: after a restart a snapshot not yet re-read comes from the
     * store (read and parsed), and a fleet of thousands of members shares a handful of them.
     */
    public Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> notInspectedByMember() {
        Snapshot g = golden;
        Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> out = new HashMap<>();
        if (g == null) {
            return out;
        }
        Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> byFingerprint = new HashMap<>();
        for (MemberStatus m : status.members()) {
            if (m.fingerprint() != null) {
                out.put(m.member(), byFingerprint.computeIfAbsent(m.fingerprint(), fp -> notInspected(g, fp)));
            }
        }
        return out;
    }

    /** The kinds golden's snapshot or the one of {@code fingerprint} did not read. */
    private java.util.Set<dev.driftd.schema.ObjectKind> notInspected(Snapshot golden, String fingerprint) {
        java.util.Set<dev.driftd.schema.ObjectKind> out = java.util.EnumSet.noneOf(dev.driftd.schema.ObjectKind.class);
        out.addAll(golden.getNotInspected());
        snapshot(fingerprint).ifPresent(s -> out.addAll(s.getNotInspected()));
        return out;
    }

    public Optional<Plan> reconcile(String member) {
        return pair(member).map(p -> engine.plan(engine.diff(p[0], p[1]), p[0], p[1], PlanOptions.DEFAULT));
    }

    /**
     * What {@code member} is expected to look like: golden, or golden plus the overlays it matches
     * (built once per golden; see {@link dev.driftd.fleet.ExpectedSchemas}). Empty before the first
     * golden; IllegalStateException naming the overlay when it cannot be built.
     */
    public Optional<Snapshot> expected(String member) {
        Snapshot g = golden;
        if (g == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(sweep.expected().of(config, member, g));
        } catch (RuntimeException e) {
            throw new IllegalStateException("member " + member + " of fleet " + name()
                    + ": cannot build its expected schema: " + SqlErrors.oneLine(e), e);
        }
    }

    /**
     * The member's diff with everything the policy sets aside, from a fresh read of the member:
     * the changes that count (against its expected schema, through the ignore rules), the changes
     * only the ignore rules hide (the unfiltered read against golden as resolved before the rules,
     * plus the member's overlays), and the differences from golden its overlays declare. Reading
     * the member again costs one snapshot per request, but needs no unfiltered copy of every
     * member kept or stored. IllegalStateException when golden or the member cannot be had.
     */
    public Optional<MemberDiff> diffAll(String member) {
        FleetStatus s = status;
        if (s.members().stream().noneMatch(x -> x.member().equals(member))) {
            return Optional.empty();
        }
        FleetConfig cfg = config;
        Snapshot g = golden;
        Snapshot raw = rawGolden;
        // in a cluster another node may have resolved a newer golden: its unfiltered read is not here
        if (g == null || raw == null || !g.fingerprint().equals(rawGoldenOf)) {
            throw new IllegalStateException("fleet " + s.name() + ": golden as read before the ignore rules is not "
                    + "known on this node yet; run a sweep first");
        }
        FleetMember fm = members.get(member);
        if (fm == null) {
            throw new IllegalStateException("member " + member + " of fleet " + s.name() + " was not read by this node's "
                    + "last sweep; run a sweep first");
        }
        Snapshot rawMember;
        try {
            rawMember = engine.snapshot(fm.target(), new InspectOptions(cfg.timeout()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read member " + member + ": " + SqlErrors.oneLine(e), e);
        }
        Snapshot expected = expected(member).orElseThrow();
        Snapshot rawExpected;
        try {
            rawExpected = sweep.expected().rawOf(cfg, member, g, raw);
        } catch (RuntimeException e) {
            throw new IllegalStateException("member " + member + ": cannot build its expected schema: "
                    + SqlErrors.oneLine(e), e);
        }
        Snapshot filtered = TargetScope.of(cfg.ignore().apply(rawMember), fm.target());
        Diff drift = engine.diff(expected, filtered);
        Set<ObjectKey> counted = new HashSet<>();
        drift.changes().forEach(c -> counted.add(c.key()));
        List<Change> ignored = engine.diff(rawExpected, TargetScope.of(rawMember, fm.target()))
                .changes().stream().filter(c -> !counted.contains(c.key())).toList();
        List<Change> overlay = List.of();
        if (expected != g) {
            overlay = engine.diff(g, filtered).changes().stream().filter(c -> !counted.contains(c.key())).toList();
        }
        return Optional.of(new MemberDiff(drift, ignored, overlay));
    }

    /** [expected, member] snapshots; throws IllegalStateException when either is not known yet. */
    private Optional<Snapshot[]> pair(String member) {
        FleetStatus s = status;
        MemberStatus m = s.members().stream().filter(x -> x.member().equals(member)).findFirst().orElse(null);
        if (m == null) {
            return Optional.empty();
        }
        if (golden == null) {
            throw new IllegalStateException("fleet " + s.name() + " has no golden yet"
                    + (s.goldenError() == null ? " (no sweep has run)" : ": " + s.goldenError()));
        }
        Snapshot g = expected(member).orElseThrow();
        if (m.fingerprint() == null) {
            throw new IllegalStateException("member " + member + " of fleet " + s.name() + " has no snapshot yet"
                    + (m.error() == null ? "" : ": " + m.error()));
        }
        Snapshot shared = snapshot(m.fingerprint()).orElse(null);
        if (shared == null) {
            throw new IllegalStateException("the snapshot " + m.fingerprint() + " of member " + member
                    + " is no longer stored");
        }
        if (m.serverVersion() != null && !m.serverVersion().equals(shared.getServerVersion())) {
            // members on different server versions share a snapshot by fingerprint (which leaves the
            // version out); a cross-version comparison needs this member's own
            shared = new Snapshot(shared.getFlavor(), m.serverVersion(), shared.getScope(), shared.objects(),
                    shared.getNotInspected(), shared.getDependencies());
        }
        FleetMember fm = members.get(member);
        // tenants with the same drift share the snapshot: scripts must name this member's own schema
        Snapshot target = fm == null ? shared : TargetScope.of(shared, fm.target());
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
        IllegalStateException gone = new IllegalStateException("fleet " + name() + " was removed from the configuration");
        slots.values().forEach(slot -> slot.requests.drain().forEach(f -> f.completeExceptionally(gone)));
    }
}
