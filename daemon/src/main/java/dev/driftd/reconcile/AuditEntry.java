package dev.driftd.reconcile;

import java.time.Instant;

/**
 * One recorded action (plan, approve, apply, apply-statement, and the rollout steps): who, when,
 * what SQL, the result, fingerprints; {@code planId} or {@code rolloutId} says what it belongs to.
 */
public record AuditEntry(long id, Instant at, String fleet, String member, String planId, String rolloutId,
                         String action, String token, String sql, String result, String beforeFingerprint,
                         String afterFingerprint) {
}
