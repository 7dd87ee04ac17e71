package dev.driftd.sweep;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.GoldenConfig;
import dev.driftd.config.OverlayConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.diff.CrossVersionVerdicts;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Severity;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.Discovery;
import dev.driftd.fleet.ExpectedSchemas;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetMember;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.Golden;
import dev.driftd.fleet.GoldenResolver;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberRows;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.Shard;
import dev.driftd.fleet.SweepResult;
import dev.driftd.schema.Snapshot;
import dev.driftd.store.FleetRecord;
import dev.driftd.store.ShardRecord;
import dev.driftd.store.Store;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass over a fleet, or over one {@link Shard} of it: discover its members (all of them; the
 * shard keeps its own), snapshot them with bounded concurrency (per fleet and per server) and
 * per-member timeouts, resolve golden, classify each member, record it in the store, and tell
 * {@link FleetEvents}. A member that fails is UNREACHABLE with a short reason; it never stops or
 * slows the others beyond its own timeout.
 */
public final class Sweep {
    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

    private final Engine engine;
    private final Discovery discovery;
    private final GoldenResolver goldens;
    private final Store store;
    private final FleetEvents events;
    private final UnchangedMembers unchanged = new UnchangedMembers();
    private final ExpectedSchemas expected;
    /** Overlays already warned about (by value: a reload with the same overlay does not warn again). */
    private final Set<OverlayConfig> warnedOverlays = ConcurrentHashMap.newKeySet();
    private final SchemaMarkerGroups schemaMarkers;

    public Sweep(Engine engine, Discovery discovery, GoldenResolver goldens, Store store, FleetEvents events) {
        this.engine = engine;
        this.discovery = discovery;
        this.goldens = goldens;
        this.store = store;
        this.events = events;
        this.expected = new ExpectedSchemas(engine);
        this.schemaMarkers = new SchemaMarkerGroups(engine);
    }

    /** Each member's expected schema (golden, or golden plus its overlays), shared with plans and diffs. */
    public ExpectedSchemas expected() {
        return expected;
    }

    /**
     * What the shard looked like before this sweep: its member states (from the last sweep, or the
     * store after a restart), its members then known, the last golden resolved, and the
     * fingerprints of the other shards' members (last good snapshot; what a majority vote counts
     * besides this shard's fresh snapshots). Members outside the shard are never removed by it.
     */
    public record Previous(Map<String, MemberStatus> statuses, Map<String, FleetMember> members, Snapshot golden,
                           Map<String, String> otherShards) {
        public static final Previous NONE = new Previous(Map.of(), Map.of(), null);

        public Previous {
            statuses = Map.copyOf(statuses);
            members = Map.copyOf(members);
            otherShards = Map.copyOf(otherShards);
        }

        public Previous(Map<String, MemberStatus> statuses, Map<String, FleetMember> members, Snapshot golden) {
            this(statuses, members, golden, Map.of());
        }
    }

    private record Failure(String reason, String message) {
    }

    /** A sweep of the whole fleet. */
    public SweepOutcome run(FleetConfig fleet, Previous previous) throws InterruptedException {
        return run(fleet, Shard.WHOLE, previous);
    }

    /** A sweep of the fleet's members in {@code shard}; {@code previous} is that shard's. */
    public SweepOutcome run(FleetConfig fleet, Shard shard, Previous previous) throws InterruptedException {
        Instant started = now();
        long t0 = System.nanoTime();
        String name = fleet.name();

        Discovery.Result found = discovery.members(fleet);
        for (Discovery.Skipped skipped : found.skipped()) {
            if (shard.contains(skipped.name())) { // each shard's sweep counts its own names
                events.discoverySkipped(name, skipped.reason());
            }
        }
        Map<String, FleetMember> everyMember = found.members();
        Map<String, FleetMember> members = new LinkedHashMap<>();
        everyMember.forEach((n, m) -> {
            if (shard.contains(n)) {
                members.put(n, m);
            }
        });
        // a discovery rule that could not list its server keeps the members it found before
        for (FleetMember m : previous.members().values()) {
            if (found.failedRules().containsKey(m.origin()) && !members.containsKey(m.name())
                    && shard.contains(m.name())) {
                members.put(m.name(), m);
            }
        }
        // a golden member in another shard is read here too (golden is resolved once per shard
        // sweep) but recorded, counted and reported only by its own shard
        List<FleetMember> toRead = new ArrayList<>(members.values());
        if (fleet.golden() instanceof GoldenConfig.Member gm && !members.containsKey(gm.member())
                && everyMember.containsKey(gm.member())) {
            toRead.add(everyMember.get(gm.member()));
        }

        CompletableFuture<Golden> early = null;
        if (!GoldenResolver.fromMembers(fleet.golden())) {
            early = new CompletableFuture<>();
            CompletableFuture<Golden> target = early;
            Thread t = new Thread(() -> target.complete(goldens.resolve(fleet, Map.of(), Map.of())),
                    "driftd-golden-" + name);
            t.setDaemon(true);
            t.start();
        }

        Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
        Map<String, Snapshot> distinct = new ConcurrentHashMap<>();
        Map<String, Instant> takenAt = new ConcurrentHashMap<>();
        Map<String, Failure> failures = new ConcurrentHashMap<>();
        AtomicInteger reused = new AtomicInteger();
        InspectOptions options = new InspectOptions(fleet.timeout());
        // tenants that are schemas of one database: one marker query for all of them, before any is read
        Map<String, String> tenantMarkers = fleet.fullSnapshotEvery().isZero() ? Map.of()
                : schemaMarkers.markers(fleet, toRead, options);
        new BoundedExecution<FleetMember>(fleet.concurrency(), fleet.perServerConcurrency(), FleetMember::server,
                "driftd-sweep-" + name).run(toRead, m -> {
                    long s0 = System.nanoTime();
                    boolean mine = members.containsKey(m.name());
                    try {
                        Snapshot s = read(fleet, m, options, mine ? reused : new AtomicInteger(),
                                tenantMarkers.get(m.name()));
                        // members with one schema share one snapshot object: a fleet of identical
                        // tenants holds one in memory, not one per tenant
                        // (per server version too: the fingerprint leaves it out, and each member's is its own)
                        snapshots.put(m.name(), distinct.computeIfAbsent(s.fingerprint() + '\u0000'
                                + s.getServerVersion(), k -> s));
                        takenAt.put(m.name(), now());
                        if (mine) {
                            notify(() -> events.snapshotTaken(name, m.name(), since(s0)));
                        }
                    } catch (RuntimeException e) {
                        String reason = FailureReasons.classify(e);
                        failures.put(m.name(), new Failure(reason, scrub(SqlErrors.oneLine(e), m)));
                        if (mine) {
                            notify(() -> events.snapshotFailed(name, m.name(), reason, since(s0)));
                        }
                    }
                });

        Golden golden;
        if (early != null) {
            try {
                golden = early.get();
            } catch (ExecutionException e) {
                golden = Golden.failed(fleet.golden().describe(), SqlErrors.oneLine(e.getCause()));
            }
        } else {
            Map<String, String> why = new HashMap<>();
            failures.forEach((k, v) -> why.put(k, v.message()));
            golden = goldens.resolve(fleet, snapshots, why, previous.otherShards());
        }
        // golden goes through the fleet's ignore rules like every member (idempotent when it came
        // from a member's snapshot, which is filtered already)
        Snapshot goldenSnapshot = fleet.ignore().apply(golden.snapshot());
        String goldenError = golden.error();
        if (goldenSnapshot == null && previous.golden() != null) {
            // keep comparing with the last golden we had rather than forgetting every member's drift
            goldenSnapshot = fleet.ignore().apply(previous.golden());
            goldenError = goldenError + "; compared with the previous golden " + shortFp(goldenSnapshot.fingerprint());
        }
        if (golden.resolved()) {
            Snapshot fresh = goldenSnapshot;
            safeStore("save the golden snapshot", store == null ? null : () -> store.saveSnapshot(fresh));
        }

        List<MemberStatus> statuses = new ArrayList<>();
        Map<String, Snapshot> byFingerprint = new HashMap<>();
        if (goldenSnapshot != null) {
            byFingerprint.put(goldenSnapshot.fingerprint(), goldenSnapshot);
        }
        List<Store.MemberRecord> records = new ArrayList<>();
        // an overlay that cannot be built fails every member that has it, but is tried once per sweep
        Map<List<OverlayConfig>, String> overlayFailures = new HashMap<>();
        DbTarget goldenServer = goldenSnapshot == null ? null : goldenServer(fleet, goldenSnapshot, toRead, snapshots);
        for (FleetMember m : members.values()) {
            MemberStatus before = previous.statuses().get(m.name());
            Snapshot s = snapshots.get(m.name());
            MemberStatus status;
            if (s == null) {
                Failure f = failures.get(m.name());
                status = new MemberStatus(name, m.name(), MemberState.UNREACHABLE,
                        before == null ? null : before.fingerprint(), before == null ? null : before.lastSnapshot(),
                        before == null ? null : before.driftSince(), before == null ? zero() : before.changes(),
                        f.reason(), f.message(), before == null ? null : before.serverVersion());
            } else {
                byFingerprint.put(s.fingerprint(), s);
                status = classifyExpected(fleet, m, s, takenAt.get(m.name()), goldenSnapshot, goldenServer, before,
                        options, overlayFailures);
            }
            statuses.add(status);
            records.add(new Store.MemberRecord(MemberRows.row(status), s,
                    goldenSnapshot == null ? null : goldenSnapshot.fingerprint()));
        }
        if (store != null && !records.isEmpty()) {
            // the whole sweep's members in a few transactions, not one each (see Store.recordMembers)
            List<String> storeErrors;
            try {
                storeErrors = store.recordMembers(records);
            } catch (RuntimeException e) {
                storeErrors = List.of(SqlErrors.oneLine(e));
            }
            if (!storeErrors.isEmpty()) {
                LOG.warn("fleet {}: {} member(s) not recorded in the store: {}", name, storeErrors.size(),
                        storeErrors.get(0));
            }
        }

        // only this shard's members can leave through its sweep: the others are not its to judge
        List<String> removed = new ArrayList<>();
        for (String old : previous.statuses().keySet()) {
            if (!members.containsKey(old) && shard.contains(old)) {
                removed.add(old);
            }
        }
        for (String old : previous.members().keySet()) {
            if (!members.containsKey(old) && shard.contains(old) && !removed.contains(old)) {
                removed.add(old);
            }
        }
        Instant finished = now();
        for (String gone : removed) {
            unchanged.forget(name, gone);
            safeStore("forget " + gone, store == null ? null : () -> store.removeMember(name, gone, finished));
            notify(() -> events.memberRemoved(name, gone));
        }

        int inSync = 0;
        int drifted = 0;
        int unreachable = 0;
        for (MemberStatus st : statuses) {
            switch (st.state()) {
                case IN_SYNC -> inSync++;
                case DRIFTED -> drifted++;
                case UNREACHABLE -> unreachable++;
                default -> {
                }
            }
        }
        String goldenFp = goldenSnapshot == null ? null : goldenSnapshot.fingerprint();
        SweepResult result = new SweepResult(name, started, finished, statuses.size(), inSync, drifted, unreachable,
                goldenError, reused.get());
        FleetStatus status = new FleetStatus(name, fleet.schedule(), goldenFp, goldenError, started, finished, statuses);
        String ge = goldenError;
        safeStore("record the sweep", store == null ? null : () -> {
            store.saveFleetState(new FleetRecord(name, goldenFp, ge, started, finished));
            store.saveShardState(new ShardRecord(name, shard.index(), shard.count(), goldenFp, ge, started, finished));
        });
        Duration took = since(t0);
        if (shard.whole() && goldenSnapshot != null && failures.isEmpty()) {
            // only a sweep that read golden and every member can tell that a rule matches nothing
            for (String w : fleet.ignore().unmatchedOnce()) {
                LOG.warn("fleet {}: {}", name, w);
            }
        }
        if (shard.whole()) {
            warnUnmatchedOverlays(fleet, everyMember.keySet());
        }
        notify(() -> events.sweepFinished(result, took));
        int pending = statuses.size() - inSync - drifted - unreachable;
        LOG.info("fleet {}{}: swept {} members in {} ms: {} in sync, {} drifted, {} unreachable{}{}{}; golden {} {}",
                name, shard.whole() ? "" : " shard " + shard, statuses.size(), took.toMillis(), inSync, drifted, unreachable,
                pending > 0 ? ", " + pending + " not compared" : "",
                reused.get() > 0 ? ", " + reused.get() + " unchanged since their last read" : "",
                removed.isEmpty() ? "" : ", " + removed.size() + " left the fleet",
                fleet.golden().describe(), goldenError != null ? "failed: " + goldenError : shortFp(goldenFp));
        return new SweepOutcome(result, status, members, goldenSnapshot, byFingerprint, removed,
                golden.resolved() ? golden.snapshot() : null);
    }

    /**
     * The member's snapshot: the one read before if its catalog marker has not changed since and
     * that read is younger than the fleet's {@code full_snapshot_every}, else a fresh full read.
     * {@code tenantMarker} is the member's schema marker when the sweep read it with its
     * database's other tenants (no connection of its own needed to learn it is unchanged); it was
     * read before the snapshot, so a change in between only makes the next sweep read it again.
     * Otherwise the marker is read on the member's own connection, with the snapshot.
     */
    private Snapshot read(FleetConfig fleet, FleetMember m, InspectOptions options, AtomicInteger reused,
                          String tenantMarker) {
        UnchangedMembers.Entry last = unchanged.get(fleet, m, now());
        MarkedSnapshot fresh;
        if (tenantMarker != null) {
            if (last != null && last.marker().equals(tenantMarker)) {
                reused.incrementAndGet();
                return fleet.ignore().apply(last.snapshot());
            }
            fresh = new MarkedSnapshot(engine.snapshot(m.target(), options), tenantMarker);
        } else if (fleet.fullSnapshotEvery().isZero()) {
            // every sweep reads in full: a marker would never be compared
            fresh = new MarkedSnapshot(engine.snapshot(m.target(), options), null);
        } else if (last == null) {
            fresh = engine.snapshotMarked(m.target(), options);
        } else {
            Optional<MarkedSnapshot> changed = engine.snapshotIfChanged(m.target(), options, last.marker());
            if (changed.isEmpty()) {
                reused.incrementAndGet();
                return fleet.ignore().apply(last.snapshot());
            }
            fresh = changed.get();
        }
        unchanged.remember(fleet, m, fresh, now());
        // what the fleet ignores is gone before anything fingerprints, compares, stores or plans it
        return fleet.ignore().apply(fresh.snapshot());
    }

    /** One member's result outside a sweep: its status and the snapshot behind it (null when it failed). */
    public record MemberResult(MemberStatus status, Snapshot snapshot) {
    }

    /**
     * Snapshots one member outside a sweep (a DDL event asked for it) and records it exactly as a
     * sweep would for that member: classified against {@code golden} (the last golden resolved;
     * not resolved again), stored, reported to {@link FleetEvents}. Without a golden the member is
     * PENDING until the next sweep.
     */
    public MemberResult snapshotMember(FleetConfig fleet, FleetMember m, MemberStatus before, Snapshot golden) {
        String name = fleet.name();
        long s0 = System.nanoTime();
        Snapshot s = null;
        MemberStatus status;
        try {
            MarkedSnapshot marked = engine.snapshotMarked(m.target(), new InspectOptions(fleet.timeout()));
            unchanged.remember(fleet, m, marked, now());
            s = fleet.ignore().apply(marked.snapshot());
            Instant at = now();
            Snapshot taken = s;
            notify(() -> events.snapshotTaken(name, m.name(), since(s0)));
            status = classifyExpected(fleet, m, taken, at, golden, null, before, new InspectOptions(fleet.timeout()),
                    new HashMap<>());
        } catch (RuntimeException e) {
            String reason = FailureReasons.classify(e);
            notify(() -> events.snapshotFailed(name, m.name(), reason, since(s0)));
            status = new MemberStatus(name, m.name(), MemberState.UNREACHABLE,
                    before == null ? null : before.fingerprint(), before == null ? null : before.lastSnapshot(),
                    before == null ? null : before.driftSince(), before == null ? zero() : before.changes(),
                    reason, scrub(SqlErrors.oneLine(e), m), before == null ? null : before.serverVersion());
        }
        if (store != null) {
            MemberStatus st = status;
            Snapshot snap = s;
            safeStore("record member " + m.name(), () -> store.recordMember(MemberRows.row(st), snap,
                    golden == null ? null : golden.fingerprint()));
        }
        return new MemberResult(status, s);
    }

    /**
     * Classifies the member against its expected schema: golden, or golden plus the overlays it
     * matches. An overlay that cannot be built leaves the member PENDING with the overlay's error
     * ({@code failed} remembers it for the rest of the sweep, so it is tried once).
     */
    private MemberStatus classifyExpected(FleetConfig fleet, FleetMember m, Snapshot s, Instant at, Snapshot golden,
                                          DbTarget goldenServer, MemberStatus before, InspectOptions options,
                                          Map<List<OverlayConfig>, String> failed) {
        String member = m.name();
        List<OverlayConfig> overlays = fleet.overlaysOf(member);
        if (golden == null || overlays.isEmpty()) {
            return classify(fleet.name(), m, s, at, golden, goldenServer, before, options);
        }
        String why = failed.get(overlays);
        if (why == null) {
            try {
                return classify(fleet.name(), m, s, at, expected.of(fleet, member, golden), goldenServer, before,
                        options);
            } catch (RuntimeException e) {
                why = "cannot build the expected schema: " + SqlErrors.oneLine(e);
                failed.put(overlays, why);
                LOG.warn("fleet {}: {}", fleet.name(), why);
            }
        }
        return new MemberStatus(fleet.name(), member, MemberState.PENDING, s.fingerprint(), at,
                before == null ? null : before.driftSince(), zero(), FailureReasons.QUERY, why, s.getServerVersion());
    }

    /** Overlays that no member's name matches: a typo or a member that left; warned once per configuration. */
    private void warnUnmatchedOverlays(FleetConfig fleet, Set<String> names) {
        for (OverlayConfig o : fleet.overlays()) {
            if (names.stream().noneMatch(o::matches) && warnedOverlays.add(o)) {
                LOG.warn("fleet {}: {} matches no member", fleet.name(), o.describe());
            }
        }
    }

    /**
     * A database of golden's server major that holds golden's objects, which helps compare members
     * on other majors ({@link Engine#diffAcrossVersions}): golden's own URL, else a member read in
     * this sweep whose snapshot is golden's (the golden member, a majority's, one in sync with a SQL
     * or stored golden); null when there is none.
     */
    private static DbTarget goldenServer(FleetConfig fleet, Snapshot golden, List<FleetMember> read,
                                         Map<String, Snapshot> snapshots) {
        if (fleet.golden() instanceof GoldenConfig.Url u) {
            return u.target();
        }
        String major = CrossVersionVerdicts.major(golden.getServerVersion());
        for (FleetMember m : read) {
            Snapshot s = snapshots.get(m.name());
            if (s != null && s.fingerprint().equals(golden.fingerprint()) && major != null
                    && major.equals(CrossVersionVerdicts.major(s.getServerVersion()))) {
                return m.target();
            }
        }
        return null;
    }

    /**
     * In sync when fingerprints match (no diff needed), else the diff says how far off it is. Across
     * server majors the servers settle what differs only in the text each prints ({@code goldenServer}:
     * see {@link #goldenServer}, null when none).
     */
    private MemberStatus classify(String fleet, FleetMember m, Snapshot s, Instant at, Snapshot golden,
                                  DbTarget goldenServer, MemberStatus before, InspectOptions options) {
        String member = m.name();
        Instant keptSince = before == null ? null : before.driftSince();
        if (golden == null) {
            return new MemberStatus(fleet, member, MemberState.PENDING, s.fingerprint(), at, keptSince, zero(),
                    null, null, s.getServerVersion());
        }
        if (s.fingerprint().equals(golden.fingerprint())) {
            return new MemberStatus(fleet, member, MemberState.IN_SYNC, s.fingerprint(), at, null, zero(), null, null,
                    s.getServerVersion());
        }
        Diff diff;
        try {
            diff = CrossVersionVerdicts.acrossVersions(golden, s)
                    ? engine.diffAcrossVersions(golden, goldenServer, s, m.target(), options)
                    : engine.diff(golden, s);
        } catch (RuntimeException e) {
            return new MemberStatus(fleet, member, MemberState.PENDING, s.fingerprint(), at, keptSince, zero(),
                    FailureReasons.QUERY, "cannot compare with golden: " + SqlErrors.oneLine(e), s.getServerVersion());
        }
        if (diff.inSync()) {
            return new MemberStatus(fleet, member, MemberState.IN_SYNC, s.fingerprint(), at, null,
                    diff.countsBySeverity(), null, null, s.getServerVersion());
        }
        return new MemberStatus(fleet, member, MemberState.DRIFTED, s.fingerprint(), at,
                keptSince != null ? keptSince : at, diff.countsBySeverity(), null, null, s.getServerVersion());
    }

    private static Map<Severity, Integer> zero() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        return m;
    }

    /** Drivers do not echo passwords, but a message must never carry one, so make sure. */
    private static String scrub(String message, FleetMember m) {
        String pw = m.target().password();
        return pw == null || pw.isEmpty() ? message : message.replace(pw, "***");
    }

    private static String shortFp(String fp) {
        return fp == null ? "none" : fp.substring(0, Math.min(12, fp.length()));
    }

    /** Millisecond precision: what the store keeps, so a restarted daemon sees the same instants. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static void notify(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("a fleet event listener failed: {}", SqlErrors.oneLine(e));
        }
    }

    private void safeStore(String what, Runnable r) {
        if (r == null) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("cannot {}: {}", what, SqlErrors.oneLine(e));
        }
    }
}
