package dev.driftd.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Whether the store answers, known without waiting: a background thread pings it every
 * {@code every}, and {@link #up()} reads the last answer. A ping that has not come back after
 * {@code patience} (the pool waits up to its connection timeout when the store is away) counts as
 * down, so /readyz answers 503 promptly instead of hanging on the store. Logs each change once.
 */
public final class StoreHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    private final BooleanSupplier ping;
    private final long everyMillis;
    private final long patienceNanos;
    private final Thread thread;
    private volatile boolean lastAnswer = true;
    private volatile long pingSince; // System.nanoTime() of the ping in flight, 0 when none
    private volatile boolean closed;

    public StoreHealth(BooleanSupplier ping, Duration every, Duration patience) {
        this.ping = ping;
        this.everyMillis = every.toMillis();
        this.patienceNanos = patience.toNanos();
        this.thread = new Thread(this::loop, "driftd-store-health");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        boolean reported = true;
        while (!closed) {
            pingSince = System.nanoTime();
            boolean ok;
            try {
                ok = ping.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            pingSince = 0;
            lastAnswer = ok;
            if (ok != reported) {
                reported = ok;
                if (ok) {
                    LOG.info("the store answers again");
                } else {
                    LOG.warn("the store does not answer: not ready until it does; serving the last known state");
                }
            }
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** True when the last ping succeeded and none has been hanging for longer than the patience. */
    public boolean up() {
        long since = pingSince;
        if (since != 0 && System.nanoTime() - since > patienceNanos) {
            return false;
        }
        return lastAnswer;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
