package dev.driftd.fleet;

import java.time.Instant;

/** The outcome of one pass over a fleet. */
public record SweepResult(String fleet, Instant started, Instant finished, int members, int inSync, int drifted,
                          int unreachable, String goldenError) {
}
