package dev.driftd.e2e;

import java.time.Duration;

/**
 * The DDL intake's quiet period, read from dev.driftd.daemon.DdlIntake.QUIET itself (not a copy of
 * its value), so the tests that wait it out follow a change of it. The class and the constant are
 * package-private in the daemon: reflection reads them rather than widening the production API.
 */
final class DdlIntakeTiming {
    static final long QUIET_MS = quiet().toMillis();

    private DdlIntakeTiming() {
    }

    private static Duration quiet() {
        try {
            var field = Class.forName("dev.driftd.daemon.DdlIntake").getDeclaredField("QUIET");
            field.setAccessible(true);
            return (Duration) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read DdlIntake.QUIET: " + e, e);
        }
    }
}
