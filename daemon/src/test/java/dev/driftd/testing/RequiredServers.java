package dev.driftd.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * The switch that stops a missing server from turning tests into skips. Without it a developer's
 * machine with no MariaDB simply skips the MySQL-family tests; with {@code DRIFTD_TEST_REQUIRE_SERVERS=1}
 * (set by {@code .ci/run}) every server-availability assumption fails instead, so CI cannot go green
 * with half the dialect coverage gone. Under the switch PostgreSQL tests also refuse the embedded
 * PostgreSQL 14 fallback unless {@code DRIFTD_TEST_ALLOW_EMBEDDED_PG=1} asks for it.
 */
public final class RequiredServers {
    public static final String SWITCH = "DRIFTD_TEST_REQUIRE_SERVERS";
    public static final String ALLOW_EMBEDDED = "DRIFTD_TEST_ALLOW_EMBEDDED_PG";

    private RequiredServers() {
    }

    /** True when {@code DRIFTD_TEST_REQUIRE_SERVERS=1}. */
    public static boolean required() {
        return "1".equals(System.getenv(SWITCH));
    }

    /** True when the embedded PostgreSQL may stand in for a real one: always, unless the switch is on. */
    static boolean embeddedAllowed() {
        return !required() || "1".equals(System.getenv(ALLOW_EMBEDDED));
    }

    /**
     * Skips the test when {@code available} is false, with {@code what} as the reason; under the switch
     * fails it instead. For servers and the client programs that come with them (psql, pg_dump, mysql,
     * mysqldump), never for optional inputs such as the external corpus or Docker.
     */
    public static void assumeAvailable(boolean available, String what) {
        check(required(), available, what);
    }

    static void check(boolean required, boolean available, String what) {
        if (available) {
            return;
        }
        if (required) {
            throw new AssertionError(SWITCH + "=1 but " + what);
        }
        Assumptions.abort(what + " (skipped; " + SWITCH + "=1 makes this a failure)");
    }
}
