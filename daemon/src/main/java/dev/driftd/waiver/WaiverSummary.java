package dev.driftd.waiver;

import java.time.Instant;

/** A member's waived changes now and the soonest expiry among the waivers covering them (the metrics' view). */
public record WaiverSummary(int waivedChanges, Instant soonestExpiry) {
}
