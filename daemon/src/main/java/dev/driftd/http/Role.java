package dev.driftd.http;

import java.util.Locale;

/** What a bearer token may do: read (GET), report (post DDL events, for the JDBC proxy), admin (everything). */
public enum Role {
    READ, REPORT, ADMIN;

    /** True when a token of this role may call an endpoint that needs {@code needed}. */
    public boolean allows(Role needed) {
        return this == ADMIN || this == needed;
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "' (read, report or admin)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
