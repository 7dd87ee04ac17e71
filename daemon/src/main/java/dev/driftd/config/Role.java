package dev.driftd.config;

import java.util.Locale;

/** What a bearer token may do on the admin API. */
public enum Role {
    /** GET requests. */
    READ,
    /** Posting DDL events (the JDBC proxy). */
    REPORT,
    /** Everything. */
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
