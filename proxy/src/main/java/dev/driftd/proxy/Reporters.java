package dev.driftd.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One reporter per (endpoint, token) for the whole JVM, so connections share a queue and a sender
 * thread; and the shutdown hook that gives queued events at most 200 ms to leave the JVM (a
 * daemon that answers takes a few milliseconds; one that hangs must not hold the exit).
 */
final class Reporters {
    static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final ConcurrentHashMap<String, EventReporter> REPORTERS = new ConcurrentHashMap<>();
    private static volatile boolean hookInstalled;

    private Reporters() {
    }

    static EventReporter forEndpoint(URI endpoint, String token) {
        String key = endpoint + "\n" + (token == null ? "" : token);
        EventReporter r = REPORTERS.get(key);
        if (r == null) {
            r = REPORTERS.computeIfAbsent(key, k -> new EventReporter(endpoint, token));
            installHook();
        }
        return r;
    }

    /** The reporter a connection with these settings uses; the first one per endpoint runs the self-test. */
    static EventReporter forSettings(ProxySettings settings) {
        EventReporter r = forEndpoint(settings.endpoint, settings.token);
        if (settings.check) {
            r.selfTestOnce();
        }
        return r;
    }

    static List<EventReporter> all() {
        return new ArrayList<>(REPORTERS.values());
    }

    /** Waits for everything queued, across reporters, up to one shared deadline. */
    static boolean flushAll(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean all = true;
        for (EventReporter r : all()) {
            all &= r.awaitAll(deadline);
        }
        return all;
    }

    /** The shutdown hook: what is queued gets 200 ms; requests still under way then are closed. */
    private static void atExit() {
        if (!flushAll(FLUSH_NANOS)) {
            for (EventReporter r : all()) {
                r.abandonInFlight();
            }
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (Reporters.class) {
            if (hookInstalled) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Reporters::atExit, "driftd-proxy-flush"));
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: nothing left to hook
            }
            hookInstalled = true;
        }
    }
}
