package dev.driftd.proxy;

import java.util.Locale;

/** What the proxy does with DDL that lacks the allow marker. */
public enum Guard {
    /** No guard: DDL runs and its events count as approved. */
    OFF,
    /** DDL runs; events without the marker carry "approved": false and a warning is logged. */
    WARN,
    /** DDL without the marker fails with SQLSTATE 42501 before it reaches the database. */
    BLOCK;

    static Guard parse(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "off":
                return OFF;
            case "warn":
                return WARN;
            case "block":
                return BLOCK;
            default:
                throw new IllegalArgumentException("driftd.guard must be off, warn or block, got '" + value + "'");
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
