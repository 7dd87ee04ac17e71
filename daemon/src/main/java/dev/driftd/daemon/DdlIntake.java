package dev.driftd.daemon;

import dev.driftd.dialect.ServerIdentities;
import dev.driftd.events.DdlEvent;
import dev.driftd.events.DdlEventMatcher;
import dev.driftd.events.DdlMatch;
import dev.driftd.events.Debouncer;
import dev.driftd.events.LogThrottle;
import dev.driftd.events.MemberEndpoint;
import dev.driftd.events.MemberRef;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetMember;
import dev.driftd.store.DdlLog;
import dev.driftd.store.DdlRecord;
import dev.driftd.store.ReportedDdl;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.util.SqlErrors;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where DDL events reported by the JDBC proxy go in the daemon: matched to the members they
 * touched (by the members the fleets know now), counted, written to the store, and turned into
 * debounced snapshots of those members only. {@link #report} does no I/O on the caller's thread:
 * store writes and snapshots run on the intake's own threads, so the HTTP answer is immediate.
 */
final class DdlIntake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DdlIntake.class);
    /** A burst's first statement is snapshotted at once; the end state once the member is quiet this long. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /** A member that keeps changing is snapshotted at least this often. */
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Supplier<Map<String, FleetRunner>> runners;
    private final DdlLog log;
    private final FleetEvents events;
    private final ScheduledExecutorService timer;
    private final ExecutorService snapshots;
    /** One thread, in order: a statement's row is written before the link that follows its snapshot. */
    private final ThreadPoolExecutor writes;
    private final Debouncer<MemberRef> debouncer;
    private final AtomicLong unmatched = new AtomicLong();
    /** Unmatched events are logged once a minute per server and database they named. */
    private final LogThrottle unmatchedLog = new LogThrottle(Duration.ofMinutes(1));
    private final AtomicLong snapshotsTaken = new AtomicLong();
    /** Snapshots requested for events and not finished yet (queued or running). */
    private final java.util.concurrent.atomic.AtomicInteger snapshotsInFlight = new java.util.concurrent.atomic.AtomicInteger();

    private List<MemberEndpoint> matcherFor = List.of();
    private DdlEventMatcher matcher = new DdlEventMatcher(List.of());

    DdlIntake(Supplier<Map<String, FleetRunner>> runners, DdlLog log, FleetEvents events) {
        this(runners, log, events, QUIET, MAX_DELAY);
    }

    DdlIntake(Supplier<Map<String, FleetRunner>> runners, DdlLog log, FleetEvents events, Duration quiet,
              Duration maxDelay) {
        this.runners = runners;
        this.log = log;
        this.events = events;
        timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("driftd-ddl-timer", true));
        snapshots = Executors.newFixedThreadPool(2, new DefaultThreadFactory("driftd-ddl-snapshot", true));
        // bounded: when the store is slow, rows are dropped (and logged) rather than piling up in memory
        writes = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                new DefaultThreadFactory("driftd-ddl-store", true));
        debouncer = new Debouncer<>(quiet, maxDelay, timer, this::requestSnapshot);
    }

    /** Takes one event: returns the members it was attributed to (none: no fleet watches that database), and how. */
    DdlMatch report(DdlEvent event) {
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DdlMatch match = matcher().classify(event);
        List<MemberRef> refs = match.members();
        if (refs.isEmpty()) {
            unmatched.incrementAndGet();
            logUnmatched(event, match.reason());
            return match;
        }
        for (MemberRef ref : refs) {
            try {
                events.ddlReported(ref.fleet(), ref.member());
            } catch (RuntimeException e) {
                LOG.warn("a fleet event listener failed: {}", SqlErrors.oneLine(e));
            }
            if (log != null) {
                write("record a DDL event of " + ref.fleet() + "/" + ref.member(),
                        () -> log.record(ref.fleet(), ref.member(), stored(event), received));
            }
            debouncer.event(ref);
        }
        return match;
    }

    /** What the store keeps of a reported statement. */
    private static ReportedDdl stored(DdlEvent e) {
        return new ReportedDdl(e.statement(), e.truncated(), e.command(), e.time(), e.application(), e.user(),
                e.clientHost(), e.approved(), e.guard());
    }

    private void logUnmatched(DdlEvent event, String reason) {
        String where = event.serverHost() + ":" + event.serverPort() + "/" + event.database()
                + (event.schema() == null ? "" : " schema " + event.schema());
        long held = unmatchedLog.admit(reason + " " + where);
        if (held == LogThrottle.HOLD) {
            return;
        }
        LOG.warn("DDL event from {} (user {}, client {}) matches no fleet member ({}): server {}{}, database {}{};"
                        + " {}{}", event.application(), event.user(), event.clientHost(), reason,
                event.serverHost() + ":" + event.serverPort(),
                event.serverIdentities().isEmpty() ? "" : " " + event.serverIdentities(), event.database(),
                event.schema() == null ? "" : ", schema " + event.schema(),
                reason.equals(DdlMatch.UNKNOWN_SERVER)
                        ? "no member is on that server by identity or by host and port (a member's identity is"
                        + " learned at its first snapshot)"
                        : "members are on that server, none of that database or schema",
                LogThrottle.heldBack(held));
    }

    /** The member's latest statements, newest first; empty without a store. */
    List<DdlRecord> recent(String fleet, String member, int limit) {
        return log == null ? List.of() : log.recent(fleet, member, limit);
    }

    /** Each member's latest statement (one query for the fleet); empty without a store. */
    Map<String, DdlRecord> last(String fleet) {
        return log == null ? Map.of() : log.latestByMember(fleet);
    }

    /** Events that matched no member since start. */
    long unmatched() {
        return unmatched.get();
    }

    /** Member snapshots taken for events since start. */
    long snapshotsTaken() {
        return snapshotsTaken.get();
    }

    /**
     * True when the events received so far can cause no further snapshot: no member has a debounce
     * window open and no snapshot requested for events is queued or running. Tests await it instead
     * of sleeping through the quiet period.
     */
    boolean settled() {
        return debouncer.pending() == 0 && snapshotsInFlight.get() == 0;
    }

    /** The matcher for the members known now; rebuilt only when they changed (reload, discovery). */
    private synchronized DdlEventMatcher matcher() {
        List<MemberEndpoint> now = new ArrayList<>();
        for (FleetRunner r : runners.get().values()) {
            for (FleetMember m : r.knownMembers()) {
                now.add(new MemberEndpoint(r.name(), m.name(), m.target().url(), m.target().schema(),
                        ServerIdentities.of(m.target().url())));
            }
        }
        if (!now.equals(matcherFor)) {
            List<MemberEndpoint> usable = new ArrayList<>(now.size());
            for (MemberEndpoint e : now) {
                try {
                    new DdlEventMatcher(List.of(e));
                    usable.add(e);
                } catch (IllegalArgumentException bad) {
                    LOG.warn("DDL events cannot be matched to {}", bad.getMessage());
                }
            }
            matcher = new DdlEventMatcher(usable);
            matcherFor = now;
        }
        return matcher;
    }

    /** The debouncer's action: only hands the work to the snapshot threads. */
    private void requestSnapshot(MemberRef ref) {
        snapshotsInFlight.incrementAndGet();
        try {
            snapshots.execute(() -> {
                try {
                    snapshot(ref);
                } finally {
                    snapshotsInFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            snapshotsInFlight.decrementAndGet();
            LOG.debug("DDL intake closed; no snapshot of {}/{}", ref.fleet(), ref.member());
        }
    }

    private void snapshot(MemberRef ref) {
        FleetRunner runner = runners.get().get(ref.fleet());
        if (runner == null) {
            return; // the fleet left the configuration since the event
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            var status = runner.snapshotMember(ref.member());
            if (status.isEmpty()) {
                return;
            }
            snapshotsTaken.incrementAndGet();
            LOG.info("fleet {}: member {} snapshotted after reported DDL: {}", ref.fleet(), ref.member(),
                    status.get().state().label());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.warn("fleet {}: snapshot of {} after reported DDL failed: {}", ref.fleet(), ref.member(),
                    SqlErrors.oneLine(e));
            return;
        }
        if (log != null) {
            write("link DDL events of " + ref.fleet() + "/" + ref.member() + " to their drift",
                    () -> log.linkToOpenDrift(ref.fleet(), ref.member(), started));
        }
    }

    private void write(String what, Runnable work) {
        try {
            writes.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("cannot {}: {}", what, SqlErrors.oneLine(e));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("cannot {}: the store write queue is full or closed", what);
        }
    }

    /** Stops timers and snapshots; lets queued store writes finish (a few seconds at most). */
    @Override
    public void close() {
        timer.shutdownNow();
        snapshots.shutdownNow();
        writes.shutdown();
        try {
            snapshots.awaitTermination(5, TimeUnit.SECONDS);
            writes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
