package dev.driftd.daemon;

import dev.driftd.config.Config;
import dev.driftd.config.ServerConfig;
import dev.driftd.engine.ObjectDdl;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.http.AdminApi;
import dev.driftd.http.AdminServer;
import dev.driftd.http.Authenticator;
import dev.driftd.http.ConsoleRoutes;
import dev.driftd.http.DdlEventQueue;
import dev.driftd.http.HttpSettings;
import dev.driftd.http.PlanRoutes;
import dev.driftd.http.RolloutRoutes;
import dev.driftd.http.WaiverRoutes;
import dev.driftd.metrics.FleetMetrics;
import dev.driftd.metrics.PrometheusRegistries;
import dev.driftd.metrics.RolloutCounts;
import dev.driftd.reconcile.RolloutService;
import dev.driftd.waiver.WaiverSummary;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole daemon: {@link DaemonCore} (config, store, scheduler, sweeps) with its faces, the
 * metrics registry it reports to and the admin HTTP server. {@code driftd run} and
 * {@code driftd demo} start one and close it on shutdown.
 */
public final class RunningDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningDaemon.class);

    private volatile DaemonCore core;
    private final PrometheusMeterRegistry registry;
    private final AutoCloseable jvmMeters;
    private final FleetMetrics metrics;
    private final ReconcileWiring reconcile;
    private final AdminServer server;
    private final InetSocketAddress address;
    private volatile Config tokensFrom;
    private volatile Authenticator auth;

    private RunningDaemon(Path configFile, InetSocketAddress bindOverride) throws InterruptedException {
        registry = PrometheusRegistries.create();
        jvmMeters = PrometheusRegistries.bindJvmMeters(registry);
        DaemonCore c = null;
        AdminServer s = null;
        ReconcileWiring w = null;
        try {
            // The core reports sweep events to the metrics, which read the core's state: hence the supplier.
            Holder holder = new Holder();
            metrics = new FleetMetrics(registry, holder, holder);
            metrics.waivedBy(holder::waived);
            metrics.overlaysBy(holder::overlays);
            c = new DaemonCore(configFile, metrics);
            holder.core = c;
            c.start();
            core = c;
            ServerConfig sc = c.config().server();
            InetSocketAddress bind = bindOverride != null ? bindOverride : new InetSocketAddress(sc.host(), sc.port());
            FleetService fleets = c.fleetService();
            HttpSettings settings = new HttpSettings(bind, HttpSettings.DEFAULT_MAX_REQUEST_BYTES);
            AdminApi api = new AdminApi(fleets, metrics::scrape, fleets::reload, this::authenticator,
                    new DdlEventQueue(settings.eventQueue(), registry));
            w = new ReconcileWiring(c);
            holder.rollouts = w.rollouts;
            PlanRoutes.register(api, w.plans);
            RolloutRoutes.register(api, w.rollouts);
            WaiverRoutes.register(api, fleets);
            ConsoleRoutes.register(api, fleets, new ObjectDdl(c.engine()), sc.ui());
            s = new AdminServer(api, settings);
            address = s.start();
        } catch (RuntimeException | InterruptedException e) {
            if (s != null) {
                s.close();
            }
            if (w != null) {
                w.rollouts.close();
            }
            if (c != null) {
                c.close();
            }
            closeQuietly(jvmMeters);
            throw e;
        }
        server = s;
        reconcile = w;
        Authenticator a = authenticator();
        if (!a.hasTokens()) {
            LOG.warn("no server.tokens configured: every /api/v1 request will get 401");
        }
    }

    /**
     * Loads the configuration, starts the core and serves the admin API.
     *
     * @param bindOverride where to listen instead of {@code server.bind} (the demo and tests); null for the config's
     */
    public static RunningDaemon start(Path configFile, InetSocketAddress bindOverride) throws InterruptedException {
        return new RunningDaemon(configFile, bindOverride);
    }

    /** The tokens of the configuration in force: rebuilt when a reload replaced it. */
    private Authenticator authenticator() {
        Config now = core == null ? null : core.config();
        if (now == null) {
            return new Authenticator(List.of(), null);
        }
        if (now != tokensFrom) {
            synchronized (this) {
                if (now != tokensFrom) {
                    auth = Authenticator.of(now.server());
                    tokensFrom = now;
                }
            }
        }
        return auth;
    }

    /** The routes the admin server answers (tests compare them with docs/openapi.yaml). */
    public java.util.List<String> routes() {
        return server.routes();
    }

    public InetSocketAddress address() {
        return address;
    }

    public DaemonCore core() {
        return core;
    }

    public FleetService fleets() {
        return core.fleetService();
    }

    public FleetMetrics metrics() {
        return metrics;
    }

    /**
     * Stops serving, then running rollouts (before their next member), then the scheduler (waiting
     * for running sweeps), and closes the store.
     */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                try {
                    reconcile.rollouts.close();
                } finally {
                    core.close();
                }
            } finally {
                closeQuietly(jvmMeters);
                registry.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing JVM meters: {}", e.toString());
        }
    }

    /** The fleets of the core and its rollouts once they exist; none before. */
    private static final class Holder implements Supplier<List<FleetStatus>>, RolloutCounts {
        volatile DaemonCore core;
        volatile RolloutService rollouts;

        @Override
        public int members(String fleet, String state) {
            RolloutService r = rollouts;
            return r == null ? 0 : r.members(fleet, state);
        }

        Map<String, WaiverSummary> waived(String fleet) {
            DaemonCore c = core;
            FleetService s = c == null ? null : c.fleetService();
            return s == null ? Map.of() : s.waived(fleet);
        }

        int overlays(String fleet, String member) {
            DaemonCore c = core;
            if (c == null) {
                return 0;
            }
            return c.config().fleets().stream().filter(f -> f.name().equals(fleet)).findFirst()
                    .map(f -> f.overlaysOf(member).size()).orElse(0);
        }

        @Override
        public List<FleetStatus> get() {
            DaemonCore c = core;
            FleetService s = c == null ? null : c.fleetService();
            return s == null ? List.of() : s.fleets();
        }
    }
}
