package dev.driftd.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Says whether a log line with a given key may be written now: at most once per key per window (a
 * minute), so a misconfigured application sending every statement to the wrong place is named in
 * the log without flooding it. The answer carries how many lines were held back since the last.
 */
public final class LogThrottle {
    /** Not yet: a line with this key was written within the window. */
    public static final long HOLD = -1;

    private final long windowNanos;
    private final LongSupplier clock;
    private final int maxKeys;
    /** key -> {nanos of the last line written, lines held back since}. */
    private final Map<String, long[]> seen = new HashMap<>();

    public LogThrottle(Duration window) {
        this(window, System::nanoTime, 10_000);
    }

    LogThrottle(Duration window, LongSupplier clock, int maxKeys) {
        this.windowNanos = window.toNanos();
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /**
     * {@link #HOLD} when the line must not be written; otherwise the number of lines with this key
     * held back since the last one written (0 for the first).
     */
    public synchronized long admit(String key) {
        long now = clock.getAsLong();
        long[] s = seen.get(key);
        if (s != null && now - s[0] < windowNanos) {
            s[1]++;
            return HOLD;
        }
        if (s == null && seen.size() >= maxKeys) {
            // keys come from senders: a bounded map, forgetting everything at once when full
            seen.clear();
        }
        seen.put(key, new long[]{now, 0});
        return s == null ? 0 : s[1];
    }

    /** " (N more like this not logged in the last minute)" for a positive count, else "". */
    public static String heldBack(long n) {
        return n > 0 ? " (" + n + " more like this not logged since)" : "";
    }
}
