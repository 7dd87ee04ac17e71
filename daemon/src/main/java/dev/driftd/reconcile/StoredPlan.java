package dev.driftd.reconcile;

import dev.driftd.plan.Plan;

import java.time.Instant;

/**
 * A plan as stored: who made it for which member, the plan itself (SQL, hazards, the golden and
 * target fingerprints it was computed from), its state and, for MySQL-family applies, the index of
 * the next statement to run ({@code resumeFingerprint} is the target's fingerprint when it stopped).
 */
public record StoredPlan(String id, String fleet, String member, String createdBy, Instant createdAt, Plan plan,
                         State state, int nextStatement, String resumeFingerprint, String result) {
    public enum State {
        /** made, waiting for approvals or apply */
        PLANNED,
        /** applying now */
        APPLYING,
        /** a MySQL-family apply stopped part-way: resumable from nextStatement */
        PARTIAL,
        /** applied and verified */
        APPLIED,
        /** an apply failed without changing anything (PostgreSQL rollback); a new apply may be tried */
        FAILED,
        /** bound fingerprints no longer match: a new plan must be made */
        STALE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StoredPlan with(State s, int next, String resumeFp, String res) {
        return new StoredPlan(id, fleet, member, createdBy, createdAt, plan, s, next, resumeFp, res);
    }
}
