package dev.driftd.config;

import java.util.Objects;

/**
 * A password or token resolved from {@code ${env:NAME}}, {@code ${file:PATH}} or a literal. Its
 * {@link #toString()} never shows the value, so a secret cannot leak through a log line or a
 * record's generated toString; only {@link #reveal()} gives it, at the place it is used.
 */
public final class Secret {
    private final String value;
    private final String origin;

    public Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A secret given in code (tests, the demo): its origin says so. */
    public static Secret literal(String value) {
        return new Secret(value, "literal");
    }

    public String reveal() {
        return value;
    }

    /** Where it came from: {@code env NAME}, {@code file PATH} or {@code literal}; safe to show. */
    public String origin() {
        return origin;
    }

    /** Null-safe {@link #reveal()}. */
    public static String reveal(Secret s) {
        return s == null ? null : s.value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value) && other.origin.equals(origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, origin);
    }

    @Override
    public String toString() {
        return "***(" + origin + ")";
    }
}
