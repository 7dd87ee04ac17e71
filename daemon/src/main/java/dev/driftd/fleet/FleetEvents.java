package dev.driftd.fleet;

import java.time.Duration;

/**
 * What the sweep tells observers (metrics, logs) as it happens. Implementations must be fast and
 * must not throw.
 */
public interface FleetEvents {
    void snapshotTaken(String fleet, String member, Duration took);

    void snapshotFailed(String fleet, String member, String reason, Duration took);

    void sweepFinished(SweepResult result, Duration took);

    /** A member left the fleet (dropped database, removed from config): forget its series. */
    void memberRemoved(String fleet, String member);

    /** A DDL statement was reported by the JDBC proxy for this member. */
    void ddlReported(String fleet, String member);

    /**
     * A discovery rule found a name it did not make a member ({@link Discovery.Skipped#reason()}:
     * taken, or not representable exactly); once per name and sweep.
     */
    default void discoverySkipped(String fleet, String reason) {
    }

    FleetEvents NONE = new FleetEvents() {
        @Override
        public void snapshotTaken(String fleet, String member, Duration took) {
        }

        @Override
        public void snapshotFailed(String fleet, String member, String reason, Duration took) {
        }

        @Override
        public void sweepFinished(SweepResult result, Duration took) {
        }

        @Override
        public void memberRemoved(String fleet, String member) {
        }

        @Override
        public void ddlReported(String fleet, String member) {
        }
    };
}
