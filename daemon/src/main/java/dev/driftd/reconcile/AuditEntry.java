package dev.driftd.reconcile;

import java.time.Instant;

/** One recorded action (plan, approve, apply, apply-statement, rollout step): who, when, what SQL, the result, fingerprints. */
public record AuditEntry(long id, Instant at, String fleet, String member, String planId, String action, String token,
                         String sql, String result, String beforeFingerprint, String afterFingerprint) {
}
