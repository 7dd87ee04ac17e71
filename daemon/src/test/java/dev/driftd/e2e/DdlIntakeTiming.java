package dev.driftd.e2e;

/** The DDL intake's quiet period (dev.driftd.daemon.DdlIntake.QUIET), which tests wait out. */
final class DdlIntakeTiming {
    static final long QUIET_MS = 2_000;

    private DdlIntakeTiming() {
    }
}
