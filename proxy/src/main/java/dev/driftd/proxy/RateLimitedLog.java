package dev.driftd.proxy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a message at most once per key per window (a minute in production): a misconfiguration
 * must be loud, but a broken endpoint hit by every DDL statement must not flood the application's
 * log. The line that is logged says how many like it were held back since the last one.
 */
final class RateLimitedLog {
    static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final Logger LOGGER = Logger.getLogger("dev.driftd.proxy");

    private final Logger logger;
    private final long windowNanos;
    private final LongSupplier clock;
    /** key -> {nanos of the last line logged, lines held back since}. */
    private final Map<String, long[]> seen = new HashMap<>();

    RateLimitedLog() {
        this(LOGGER, MINUTE_NANOS, System::nanoTime);
    }

    RateLimitedLog(Logger logger, long windowNanos, LongSupplier clock) {
        this.logger = logger;
        this.windowNanos = windowNanos;
        this.clock = clock;
    }

    /** Logs the message unless one with this key was logged within the window; true when logged. */
    boolean log(Level level, String key, Supplier<String> message) {
        if (!logger.isLoggable(level)) {
            return false;
        }
        long now = clock.getAsLong();
        long heldBack;
        synchronized (seen) {
            long[] s = seen.get(key);
            if (s != null && now - s[0] < windowNanos) {
                s[1]++;
                return false;
            }
            heldBack = s == null ? 0 : s[1];
            seen.put(key, new long[]{now, 0});
        }
        String text = message.get();
        if (heldBack > 0) {
            text += " (" + heldBack + " more like this in the last minute were not logged)";
        }
        logger.log(level, text);
        return true;
    }
}
