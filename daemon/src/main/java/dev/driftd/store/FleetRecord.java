package dev.driftd.store;

import java.time.Instant;

/** What the store keeps of a fleet between restarts: the golden of its last sweep and when that sweep ran. */
public record FleetRecord(String fleet, String goldenFingerprint, String goldenError, Instant lastSweepStarted,
                          Instant lastSweepFinished) {
}
