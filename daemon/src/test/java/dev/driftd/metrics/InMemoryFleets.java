package dev.driftd.metrics;

import dev.driftd.diff.Diff;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.plan.Plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FleetService holding state the test sets: what metrics and HTTP read, without a sweep behind
 * it. Diffs and plans put here come from the real differ and planner where a test needs them.
 */
public final class InMemoryFleets implements FleetService {
    public final List<FleetStatus> fleets = new CopyOnWriteArrayList<>();
    public final Map<String, Diff> diffs = new ConcurrentHashMap<>();
    public final Map<String, Plan> plans = new ConcurrentHashMap<>();
    public final AtomicInteger sweeps = new AtomicInteger();
    public final AtomicInteger reloads = new AtomicInteger();
    public volatile boolean ready = true;
    public volatile String reloadError;
    /** When set, sweepNow answers with this future (tests complete it themselves). */
    public volatile CompletableFuture<SweepResult> pendingSweep;
    /** When set, diff() and reportDdl() wait for it to open (tests that keep threads busy). */
    public volatile java.util.concurrent.CountDownLatch gate;
    /** Calls waiting at the gate now. */
    public final AtomicInteger waiting = new AtomicInteger();
    /** Calls of ready() and fleets() so far. */
    public final AtomicInteger readyCalls = new AtomicInteger();
    public final AtomicInteger listCalls = new AtomicInteger();
    /** What reportDdl answers (it may throw). */
    public volatile java.util.function.Function<dev.driftd.events.DdlEvent, List<dev.driftd.events.MemberRef>> ddl =
            e -> List.of();

    public static String key(String fleet, String member) {
        return fleet + "/" + member;
    }

    @Override
    public List<FleetStatus> fleets() {
        listCalls.incrementAndGet();
        return List.copyOf(fleets);
    }

    @Override
    public Optional<FleetStatus> fleet(String name) {
        return fleets.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Diff> diff(String fleet, String member) {
        pass();
        return Optional.ofNullable(diffs.get(key(fleet, member)));
    }

    @Override
    public Optional<Plan> reconcile(String fleet, String member) {
        return Optional.ofNullable(plans.get(key(fleet, member)));
    }

    @Override
    public CompletableFuture<SweepResult> sweepNow(String fleet) {
        sweeps.incrementAndGet();
        if (pendingSweep != null) {
            return pendingSweep;
        }
        FleetStatus f = fleet(fleet).orElseThrow(() -> new IllegalArgumentException("unknown fleet " + fleet));
        Instant now = Instant.now();
        return CompletableFuture.completedFuture(new SweepResult(fleet, now, now, f.members().size(), 0, 0, 0, null, 0));
    }

    @Override
    public void reload() {
        reloads.incrementAndGet();
        if (reloadError != null) {
            throw new IllegalArgumentException(reloadError);
        }
    }

    @Override
    public boolean ready() {
        readyCalls.incrementAndGet();
        return ready;
    }

    @Override
    public List<dev.driftd.events.MemberRef> reportDdl(dev.driftd.events.DdlEvent event) {
        pass();
        return ddl.apply(event);
    }

    private void pass() {
        java.util.concurrent.CountDownLatch g = gate;
        if (g == null) {
            return;
        }
        waiting.incrementAndGet();
        try {
            g.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
