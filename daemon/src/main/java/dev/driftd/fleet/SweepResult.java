package dev.driftd.fleet;

import java.time.Instant;

/**
 * The outcome of one pass over a fleet. {@code reused}: members whose catalogs had not changed
 * since their last full read (same catalog marker), so their snapshot was not read again.
 */
public record SweepResult(String fleet, Instant started, Instant finished, int members, int inSync, int drifted,
                          int unreachable, String goldenError, int reused) {
}
