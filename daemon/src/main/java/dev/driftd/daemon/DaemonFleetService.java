package dev.driftd.daemon;

import dev.driftd.config.Config;
import dev.driftd.config.FleetConfig;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.fleet.WaiverService;
import dev.driftd.plan.Plan;
import dev.driftd.store.Store;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.sweep.Sweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link FleetService} the admin API and metrics use: one {@link FleetRunner} per configured
 * fleet, scheduled by Quartz. {@link #reload()} swaps fleets in and out without a restart.
 * {@link #diff} and {@link #reconcile} throw {@link IllegalStateException} (one line) when the
 * member or the golden has no snapshot yet.
 */
public final class DaemonFleetService implements FleetService {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonFleetService.class);

    private final Store store;
    private final Engine engine;
    private final Sweep sweep;
    private final FleetEvents events;
    private final SweepScheduler scheduler;
    private final Supplier<Config> reloader;
    private final Runnable onReload;
    private final java.util.function.BooleanSupplier storeUp;
    private volatile Map<String, FleetRunner> runners = Map.of();
    private volatile boolean configLoaded;
    private final DdlIntake ddl;
    private final WaiverService waivers;

    DaemonFleetService(Store store, Engine engine, Sweep sweep, FleetEvents events, SweepScheduler scheduler,
                       Supplier<Config> reloader, Runnable onReload, java.util.function.BooleanSupplier storeUp) {
        this.store = store;
        this.engine = engine;
        this.sweep = sweep;
        this.events = events;
        this.scheduler = scheduler;
        this.reloader = reloader;
        this.onReload = onReload;
        this.storeUp = storeUp;
        this.ddl = new DdlIntake(() -> runners, store == null ? null : new dev.driftd.store.DdlLog(store), events);
        this.waivers = new WaiverService(store);
    }

    /** The fleets' waivers: what {@link #fleets()} and {@link #fleet} apply to the swept states. */
    @Override
    public WaiverService waivers() {
        return waivers;
    }

    FleetRunner runner(String fleet) {
        return runners.get(fleet);
    }

    Map<String, FleetRunner> runners() {
        return runners;
    }

    /** Makes the running fleets match {@code config}: new ones scheduled, gone ones retired, changed ones updated. */
    synchronized void apply(Config config) {
        Map<String, FleetRunner> old = runners;
        Map<String, FleetConfig> oldConfigs = new LinkedHashMap<>();
        old.forEach((name, r) -> oldConfigs.put(name, r.config()));
        Map<String, FleetRunner> next = new LinkedHashMap<>();
        for (FleetConfig f : config.fleets()) {
            FleetRunner r = old.get(f.name());
            if (r == null) {
                r = new FleetRunner(f, sweep, store, engine, scheduler::trigger);
                r.restore();
            } else {
                r.update(f);
            }
            next.put(f.name(), r);
        }
        runners = next;
        waivers.configure(config.fleets());
        for (FleetConfig f : config.fleets()) {
            FleetConfig was = oldConfigs.get(f.name());
            // jobs depend on the schedule and the shard count only; other changes reach the runner
            if (!configLoaded || was == null || !f.schedule().equals(was.schedule()) || f.shards() != was.shards()) {
                scheduler.schedule(f);
            }
        }
        for (Map.Entry<String, FleetRunner> e : old.entrySet()) {
            if (!next.containsKey(e.getKey())) {
                scheduler.unschedule(e.getKey());
                e.getValue().retire(events);
                LOG.info("fleet {} left the configuration", e.getKey());
            }
        }
        configLoaded = true;
    }

    @Override
    public List<FleetStatus> fleets() {
        List<FleetStatus> out = new ArrayList<>();
        for (FleetRunner r : runners.values()) {
            out.add(waivers.apply(r.status(), this::diff));
        }
        return out;
    }

    /** Fleet statuses as their waivers make them now (a waived member is in sync until its waiver expires). */
    @Override
    public Optional<FleetStatus> fleet(String name) {
        FleetRunner r = runners.get(name);
        return r == null ? Optional.empty() : Optional.of(waivers.apply(r.status(), this::diff));
    }

    @Override
    public Map<String, dev.driftd.waiver.WaiverSummary> waived(String fleet) {
        FleetRunner r = runners.get(fleet);
        return r == null ? Map.of() : waivers.summaries(r.status(), this::diff);
    }

    @Override
    public Optional<Diff> diff(String fleet, String member) {
        FleetRunner r = runners.get(fleet);
        return r == null ? Optional.empty() : r.diff(member);
    }

    @Override
    public Optional<dev.driftd.schema.Snapshot[]> snapshots(String fleet, String member) {
        FleetRunner r = runners.get(fleet);
        return r == null ? Optional.empty() : r.snapshots(member);
    }

    @Override
    public java.util.Set<dev.driftd.schema.ObjectKind> notInspected(String fleet, String member) {
        FleetRunner r = runners.get(fleet);
        return r == null ? java.util.Set.of() : r.notInspected(member);
    }

    @Override
    public java.util.Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> notInspected(String fleet) {
        FleetRunner r = runners.get(fleet);
        return r == null ? java.util.Map.of() : r.notInspectedByMember();
    }

    @Override
    public Optional<dev.driftd.fleet.MemberDiff> diffAll(String fleet, String member) {
        FleetRunner r = runner(fleet);
        return r == null ? Optional.empty() : r.diffAll(member);
    }

    @Override
    public Optional<Plan> reconcile(String fleet, String member) {
        FleetRunner r = runners.get(fleet);
        return r == null ? Optional.empty() : r.reconcile(member);
    }

    /** Fails the future with IllegalArgumentException for an unknown fleet. */
    @Override
    public CompletableFuture<SweepResult> sweepNow(String fleet) {
        FleetRunner r = runners.get(fleet);
        if (r == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no fleet named " + fleet));
        }
        // the sweep counts the members' real drift; the answer counts them as their waivers make them now
        return r.sweepNow().thenApply(this::waived);
    }

    private SweepResult waived(SweepResult raw) {
        FleetRunner r = runners.get(raw.fleet());
        if (r == null) {
            return raw;
        }
        int silenced = 0;
        FleetStatus before = r.status();
        FleetStatus after = waivers.apply(before, this::diff);
        for (int i = 0; i < after.members().size(); i++) {
            if (before.members().get(i).state() == dev.driftd.fleet.MemberState.DRIFTED
                    && after.members().get(i).state() == dev.driftd.fleet.MemberState.IN_SYNC) {
                silenced++;
            }
        }
        silenced = Math.min(silenced, raw.drifted());
        return silenced == 0 ? raw : new SweepResult(raw.fleet(), raw.started(), raw.finished(), raw.members(),
                raw.inSync() + silenced, raw.drifted() - silenced, raw.unreachable(), raw.goldenError(), raw.reused());
    }

    @Override
    public synchronized void reload() {
        Config next = reloader.get(); // throws ConfigException with file:line, the running config stays
        apply(next);
        onReload.run();
    }

    @Override
    public List<dev.driftd.events.MemberRef> reportDdl(dev.driftd.events.DdlEvent event) {
        return ddl.report(event).members();
    }

    @Override
    public dev.driftd.events.DdlMatch takeDdl(dev.driftd.events.DdlEvent event) {
        return ddl.report(event);
    }

    @Override
    public List<dev.driftd.store.DdlRecord> recentDdl(String fleet, String member, int limit) {
        // the API serves the last state while the store is away: no DDL history then, rather than a hang
        if (!storeUp.getAsBoolean()) {
            return List.of();
        }
        try {
            return ddl.recent(fleet, member, limit);
        } catch (RuntimeException e) {
            LOG.warn("cannot read reported DDL of {}/{}: {}", fleet, member, e.getMessage());
            return List.of();
        }
    }

    @Override
    public List<dev.driftd.store.HistoryEntry> history(String fleet, String member) {
        return fromStore().history(fleet, member);
    }

    @Override
    public List<dev.driftd.store.DriftEvent> driftEvents(String fleet, String member) {
        return fromStore().driftEvents(fleet, member);
    }

    /** The store for a read the caller must not get silently empty (history): a one-line refusal while it is away. */
    private Store fromStore() {
        if (store == null || !storeUp.getAsBoolean()) {
            throw new IllegalStateException("the store is not reachable: history cannot be read now");
        }
        return store;
    }

    @Override
    public Map<String, dev.driftd.store.DdlRecord> lastDdl(String fleet) {
        if (!storeUp.getAsBoolean()) {
            return Map.of();
        }
        try {
            return ddl.last(fleet);
        } catch (RuntimeException e) {
            LOG.warn("cannot read reported DDL of fleet {}: {}", fleet, e.getMessage());
            return Map.of();
        }
    }

    DdlIntake ddlIntake() {
        return ddl;
    }

    /** Stops the DDL intake's timers and snapshot threads. */
    void close() {
        waivers.close();
        ddl.close();
    }

    @Override
    public boolean ready() {
        return configLoaded && scheduler.running() && storeUp.getAsBoolean();
    }
}
