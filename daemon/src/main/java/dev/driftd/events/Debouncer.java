package dev.driftd.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns a burst of DDL events for one member into one or two snapshot requests.
 *
 * <p>The first event of a burst asks for a snapshot at once (drift is seen in seconds). Events
 * that follow within the quiet period ask for one more snapshot, taken when the member has been
 * quiet for that long, so a migration of fifty statements costs two snapshots: one early, one of
 * the end state. A member that never goes quiet is snapshotted at least every {@code maxDelay}.
 * The action runs outside the debouncer's lock, on the caller's thread (leading request) or the
 * timer's thread (trailing request); it should only enqueue work.
 *
 * @param <K> the member key, e.g. {@link MemberRef}
 */
public final class Debouncer<K> {

    /** Schedules delayed work; {@link #of(ScheduledExecutorService)} in production, a manual clock in tests. */
    public interface Timer {
        Cancellable schedule(Duration delay, Runnable task);
    }

    public interface Cancellable {
        void cancel();
    }

    public static Timer of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }

    private final class State {
        long windowStart;
        boolean trailingDue;
        long generation;
        Cancellable timer;
    }

    private final long quietNanos;
    private final long maxDelayNanos;
    private final Timer timer;
    private final LongSupplier nanoClock;
    private final Consumer<K> snapshot;
    private final Map<K, State> states = new HashMap<>();

    public Debouncer(Duration quiet, Duration maxDelay, Timer timer, LongSupplier nanoClock, Consumer<K> snapshot) {
        if (quiet.isNegative() || quiet.isZero() || maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("debounce needs 0 < quiet <= maxDelay, got quiet " + quiet
                    + " and maxDelay " + maxDelay);
        }
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.timer = timer;
        this.nanoClock = nanoClock;
        this.snapshot = snapshot;
    }

    public Debouncer(Duration quiet, Duration maxDelay, ScheduledExecutorService executor, Consumer<K> snapshot) {
        this(quiet, maxDelay, of(executor), System::nanoTime, snapshot);
    }

    /** One DDL event for this member. */
    public void event(K key) {
        boolean leading;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            State st = states.get(key);
            leading = st == null;
            if (leading) {
                st = new State();
                st.windowStart = now;
                states.put(key, st);
                arm(key, st, quietNanos);
            } else {
                st.trailingDue = true;
                long untilCap = st.windowStart + maxDelayNanos - now;
                arm(key, st, Math.max(0, Math.min(quietNanos, untilCap)));
            }
        }
        if (leading) {
            snapshot.accept(key);
        }
    }

    /** Members with a window open (a trailing snapshot may still come); for tests and metrics. */
    public synchronized int pending() {
        return states.size();
    }

    private void arm(K key, State st, long delayNanos) {
        if (st.timer != null) {
            st.timer.cancel();
        }
        long generation = ++st.generation;
        st.timer = timer.schedule(Duration.ofNanos(delayNanos), () -> fire(key, st, generation));
    }

    private void fire(K key, State st, long generation) {
        synchronized (this) {
            if (states.get(key) != st || st.generation != generation) {
                return; // re-armed or replaced since: a later timer owns this member
            }
            if (!st.trailingDue) {
                states.remove(key); // the window closed quietly
                return;
            }
            // take the trailing snapshot and keep a window open, so a member that keeps changing
            // gets one snapshot per window rather than a leading one right after each trailing one
            st.trailingDue = false;
            st.windowStart = nanoClock.getAsLong();
            arm(key, st, quietNanos);
        }
        snapshot.accept(key);
    }
}
