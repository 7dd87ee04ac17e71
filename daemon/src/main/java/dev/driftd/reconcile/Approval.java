package dev.driftd.reconcile;

import java.time.Instant;

/** One admin's approval of a plan: the token's name (never its secret), whether destructive statements were approved. */
public record Approval(String token, boolean destructive, Instant at) {
}
