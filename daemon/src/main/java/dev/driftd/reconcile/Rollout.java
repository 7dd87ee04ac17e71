package dev.driftd.reconcile;

import dev.driftd.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One plan for a drift variant (the members that shared one fingerprint), rolled out to those
 * members in order: a canary wave first, then waves of the fleet's configured size with a pause
 * between them, stopping at the first member that fails. The plan is bound to golden's fingerprint
 * and the variant's, and every member is checked to still have the variant's before its
 * statements run. {@code canary}, {@code wave} and {@code pause} are the fleet's rollout settings
 * when the rollout was made; the members' waves were assigned from them then.
 */
public record Rollout(String id, String fleet, String variantFingerprint, String createdBy, Instant createdAt,
                      Plan plan, int canary, int wave, Duration pause, State state, String startedBy,
                      Instant startedAt, Instant finishedAt, String result, List<RolloutMember> members) {
    public Rollout {
        members = List.copyOf(members);
    }

    public enum State {
        /** made, waiting for approvals and a start */
        PLANNED,
        /** members being applied in the background */
        RUNNING,
        /** every member applied and verified */
        COMPLETED,
        /** a member failed: the rollout stopped there, the members after it were skipped */
        STOPPED,
        /** the daemon stopped (or died) while it ran: members not reached were skipped */
        INTERRUPTED,
        /** golden changed before it started: make a new rollout */
        STALE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String goldenFingerprint() {
        return plan.goldenFingerprint();
    }

    /** Members per state. */
    public int count(RolloutMember.State s) {
        return (int) members.stream().filter(m -> m.state() == s).count();
    }

    public Rollout withMembers(List<RolloutMember> next) {
        return new Rollout(id, fleet, variantFingerprint, createdBy, createdAt, plan, canary, wave, pause, state,
                startedBy, startedAt, finishedAt, result, next);
    }

    /** Wave of the member at {@code index} (0-based in rollout order): 0 for canary members, then 1, 2, … */
    static int waveOf(int index, int canary, int wave) {
        return index < canary ? 0 : 1 + (index - canary) / wave;
    }
}
