package dev.driftd.daemon;

import dev.driftd.cluster.ClusterMode;
import dev.driftd.cluster.StoreHealth;
import dev.driftd.cluster.StoreRefresher;
import dev.driftd.cluster.SweepLock;
import dev.driftd.config.Config;
import dev.driftd.config.ConfigLoader;
import dev.driftd.config.FleetConfig;
import dev.driftd.config.GoldenConfig;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.Discovery;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.GoldenResolver;
import dev.driftd.store.Store;
import dev.driftd.sweep.Sweep;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon without its HTTP face: configuration, store, scheduler and the {@link FleetService}.
 * {@code driftd run} builds one, starts it, serves {@link #fleetService()} over HTTP and closes it
 * on shutdown:
 * <pre>
 *   DaemonCore core = new DaemonCore(ConfigLoader.locate(configOption), metrics); // ConfigException: file:line: what
 *   core.start();                        // opens the store, schedules every fleet
 *   FleetService fleets = core.fleetService();
 *   ...
 *   core.close();
 * </pre>
 */
public final class DaemonCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonCore.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path configFile;
    private final FleetEvents events;
    private final Engine engine;
    private volatile Config config;
    private Store store;
    private SweepScheduler scheduler;
    private StoreRefresher refresher;
    private SweepLock sweepLock;
    private volatile StoreHealth storeHealth;
    private DaemonFleetService service;
    private boolean closed;

    /** Loads and checks the configuration now; throws {@link dev.driftd.config.ConfigException} when it is bad. */
    public DaemonCore(Path configFile, FleetEvents events) {
        this(configFile, events, new Engine());
    }

    public DaemonCore(Path configFile, FleetEvents events, Engine engine) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.events = events == null ? FleetEvents.NONE : events;
        this.engine = engine;
        this.config = ConfigLoader.load(configFile);
        config.warnings().forEach(w -> LOG.warn("{}", w));
    }

    /**
     * Opens (creating or upgrading) the store, restores each fleet's last state, and starts the
     * scheduler. Throws {@link dev.driftd.store.StoreException} when the store cannot be opened.
     */
    public synchronized DaemonCore start() {
        if (service != null) {
            return this;
        }
        store = Store.open(config.store().url(), config.store().user(),
                config.store().password() == null ? null : config.store().password().reveal());
        try {
            Sweep sweep = new Sweep(engine, new Discovery(engine), new GoldenResolver(engine, store), store, events);
            // one thread per sweep job (a fleet's shards run at once), plus retention and a spare
            int jobs = config.fleets().stream().mapToInt(FleetConfig::shards).sum();
            int threads = Math.max(4, Math.min(jobs + 2, 16));
            java.util.function.Function<String, dev.driftd.sweep.FleetRunner> runners =
                    fleet -> service == null ? null : service.runner(fleet);
            if (ClusterMode.clustered(config.store())) {
                String node = ClusterMode.nodeId();
                sweepLock = new SweepLock(config.store(), node);
                scheduler = new SweepScheduler(ClusterMode.quartzProperties(config.store(), threads, node), runners,
                        sweepLock, this::retention);
            } else {
                scheduler = new SweepScheduler("driftd-" + INSTANCES.incrementAndGet(), threads, runners,
                        this::retention);
            }
            service = new DaemonFleetService(store, engine, sweep, events, scheduler, this::loadAgain,
                    () -> LOG.info("configuration reloaded from {}: {} fleets", configFile, config.fleets().size()),
                    () -> storeHealth.up());
            // readiness must not wait on a store that went away: ping in the background, answer at once
            storeHealth = new StoreHealth(store::ping, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(3));
            service.apply(config);
            scheduler.start();
            if (ClusterMode.clustered(config.store())) {
                // other nodes sweep some fleets: read their results from the shared store
                refresher = new StoreRefresher(() -> service.runners().values(), java.time.Duration.ofSeconds(2));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("driftd core started: {} fleets, store {}", config.fleets().size(), store);
        return this;
    }

    /** Reads the file again; on success it becomes {@link #config()}. */
    private Config loadAgain() {
        Config next = ConfigLoader.load(configFile);
        next.warnings().forEach(w -> LOG.warn("{}", w));
        if (!next.store().url().equals(config.store().url())) {
            LOG.warn("store.url changed in {}; the new store is used after a restart", configFile);
        }
        config = next;
        return next;
    }

    /** Deletes store rows past retention; keeps pinned and current goldens. */
    private void retention() {
        Set<String> pinned = new HashSet<>();
        for (FleetConfig f : config.fleets()) {
            if (f.golden() instanceof GoldenConfig.Snapshot s) {
                pinned.addAll(store.fingerprintsStartingWith(s.fingerprint()));
            }
        }
        for (FleetStatus f : service.fleets()) {
            if (f.goldenFingerprint() != null) {
                pinned.add(f.goldenFingerprint());
            }
        }
        try {
            int n = store.applyRetention(config.store().retention(), Instant.now(), pinned);
            n += new dev.driftd.store.DdlLog(store).applyRetention(config.store().retention(), Instant.now());
            n += service.waivers().applyRetention(config.store().retention(), Instant.now());
            LOG.info("retention: deleted {} store rows older than {}", n, config.store().retention());
        } catch (RuntimeException e) {
            LOG.warn("retention failed: {}", SqlErrors.oneLine(e));
        }
    }

    /** The service the admin API and metrics read; null before {@link #start()}. */
    /** The engine every sweep, diff and plan of this daemon reads with (the console's object DDL too). */
    public Engine engine() {
        return engine;
    }

    public FleetService fleetService() {
        return service;
    }

    /** The configuration in force (the latest one a reload accepted). */
    public Config config() {
        return config;
    }

    public Path configFile() {
        return configFile;
    }

    /** The scheduler; null before {@link #start()}. */
    SweepScheduler scheduler() {
        return scheduler;
    }

    /** The store; null before {@link #start()}. */
    public Store store() {
        return store;
    }

    /** Ready: configuration loaded, store answering, scheduler running. */
    public boolean ready() {
        DaemonFleetService s = service;
        return s != null && !closed && s.ready();
    }

    /** Stops the scheduler (waiting for running sweeps) and closes the store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (refresher != null) {
            refresher.close();
        }
        if (storeHealth != null) {
            storeHealth.close();
        }
        if (sweepLock != null) {
            sweepLock.close(); // a sweep waiting for another node's gives up: stop now, not after it
        }
        if (service != null) {
            service.close(); // DDL intake: no snapshot may start after the scheduler and store are gone
        }
        try {
            if (scheduler != null) {
                scheduler.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
