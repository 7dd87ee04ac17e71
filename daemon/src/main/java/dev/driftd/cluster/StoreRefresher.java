package dev.driftd.cluster;

import dev.driftd.sweep.FleetRunner;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * In a cluster each fleet is swept by one node at a time, so the other nodes' in-memory state would
 * age. Every few seconds this asks each fleet to adopt the shared store's state when another node
 * recorded a newer sweep ({@link FleetRunner#refreshFromStore()}), so every node answers the API
 * and /metrics for every fleet. While the store is away it keeps the last known state and logs
 * the outage once, and its recovery once.
 */
public final class StoreRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRefresher.class);

    private final Supplier<? extends Collection<FleetRunner>> fleets;
    private final ScheduledExecutorService timer;
    private volatile boolean failing;

    public StoreRefresher(Supplier<? extends Collection<FleetRunner>> fleets, Duration every) {
        this.fleets = fleets;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "driftd-store-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refreshAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over every fleet; never throws (the timer would stop). */
    void refreshAll() {
        try {
            int adopted = 0;
            for (FleetRunner r : fleets.get()) {
                if (r.refreshFromStore()) {
                    adopted++;
                }
            }
            if (failing) {
                failing = false;
                LOG.info("store answers again; fleet state is read from it again");
            }
            if (adopted > 0) {
                LOG.debug("adopted the state of {} fleets swept by other nodes", adopted);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("cannot read fleet state from the store; serving the last known state: {}",
                        SqlErrors.oneLine(e));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
