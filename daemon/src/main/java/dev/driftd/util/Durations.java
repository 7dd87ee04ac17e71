package dev.driftd.util;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations people write in options and config: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 90d}, and compounds of them from the largest unit down, as Go and Prometheus
 * write them: {@code 1h30m}, {@code 2d12h}, {@code 1m30s500ms}. A day is 24 hours (no calendar).
 */
public final class Durations {
    /** One or more number-unit parts; each unit at most once and in falling order (checked below). */
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|d|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final String UNITS_DESCENDING = "d h m s ms";

    private Durations() {
    }

    public static Duration parse(String text, String what) {
        String s = text == null ? "" : text.trim();
        if (!WHOLE.matcher(s).matches()) {
            throw notADuration(text, what);
        }
        Duration total = Duration.ZERO;
        int lastRank = -1;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            int rank = rank(m.group(2));
            // "30m1h" or "1h1h" is a typo more often than a sum: refuse it rather than guess
            if (rank <= lastRank) {
                throw new IllegalArgumentException(what + ": '" + text + "' repeats a unit or is out of order "
                        + "(write the largest unit first, each once, e.g. 1h30m)");
            }
            lastRank = rank;
            long n;
            try {
                n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMillis(n);
                });
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(what + ": '" + text + "' is too long a duration");
            }
        }
        return total;
    }

    private static int rank(String unit) {
        return switch (unit) {
            case "d" -> 0;
            case "h" -> 1;
            case "m" -> 2;
            case "s" -> 3;
            default -> 4;
        };
    }

    private static IllegalArgumentException notADuration(String text, String what) {
        return new IllegalArgumentException(what + ": '" + text + "' is not a duration (units " + UNITS_DESCENDING
                + "; e.g. 500ms, 30s, 5m, 1h30m, 90d)");
    }
}
