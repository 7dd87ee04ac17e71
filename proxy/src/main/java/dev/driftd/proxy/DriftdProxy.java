package dev.driftd.proxy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The proxy's small public API: delivery counters and an explicit flush. */
public final class DriftdProxy {
    static final AtomicLong REFUSED = new AtomicLong();

    private DriftdProxy() {
    }

    /** Counters summed over every daemon endpoint this JVM reports to. */
    public static Stats stats() {
        return sum(r -> true);
    }

    /**
     * Counters of one daemon endpoint, written as in {@code driftd.endpoint} (an application that reports
     * to several daemons, or a check of one of them); {@link Stats#refused} is the JVM's, as the guard has
     * no endpoint.
     */
    public static Stats stats(String endpoint) {
        java.net.URI wanted = ProxySettings.parseEndpoint(endpoint);
        return sum(r -> r.endpoint.equals(wanted));
    }

    private static Stats sum(java.util.function.Predicate<EventReporter> which) {
        long sent = 0;
        long failed = 0;
        long dropped = 0;
        int queued = 0;
        long unmatched = 0;
        String lastError = null;
        for (EventReporter r : Reporters.all()) {
            if (!which.test(r)) {
                continue;
            }
            Stats s = r.stats();
            sent += s.sent;
            failed += s.failed;
            dropped += s.dropped;
            queued += s.queued;
            unmatched += s.unmatched;
            if (s.lastError != null) {
                lastError = s.lastError;
            }
        }
        return new Stats(sent, failed, dropped, queued, REFUSED.get(), unmatched, lastError);
    }

    /** Waits up to the timeout for queued events to be sent; true when the queues are empty. */
    public static boolean flush(Duration timeout) {
        return Reporters.flushAll(timeout.toNanos());
    }

    /** A point-in-time copy of the counters. */
    public static final class Stats {
        /** Events the daemon accepted (2xx). */
        public final long sent;
        /** Send attempts that failed: connection refused, timeout, non-2xx answer. */
        public final long failed;
        /** Events never attempted: queue full, or the endpoint was down a moment ago. */
        public final long dropped;
        /** Events waiting in the queue now. */
        public final int queued;
        /** DDL statements the guard refused (driftd.guard=block). */
        public final long refused;
        /**
         * Events the daemon took (counted in {@link #sent} too) but matched to no fleet member: it does
         * not watch that database under the server the application named, or not yet.
         */
        public final long unmatched;
        /** The last delivery error ("cause: what to do"), for diagnosis (never contains the token); null if none. */
        public final String lastError;

        Stats(long sent, long failed, long dropped, int queued, long refused, long unmatched, String lastError) {
            this.sent = sent;
            this.failed = failed;
            this.dropped = dropped;
            this.queued = queued;
            this.refused = refused;
            this.unmatched = unmatched;
            this.lastError = lastError;
        }

        /** Events that did not reach the daemon. */
        public long lost() {
            return failed + dropped;
        }

        @Override
        public String toString() {
            return "sent=" + sent + " failed=" + failed + " dropped=" + dropped + " queued=" + queued
                    + " refused=" + refused + " unmatched=" + unmatched + (lastError == null ? "" : " lastError=" + lastError);
        }
    }
}
