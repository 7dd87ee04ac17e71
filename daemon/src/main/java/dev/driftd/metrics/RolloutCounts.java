package dev.driftd.metrics;

/**
 * Members of rollouts per state, for {@code driftd_rollout_members}: for each fleet, the members of
 * the latest rollout this daemon ran, while it runs and after it ended (until the fleet's next one
 * starts), so a stopped rollout's {@code failed} member stays visible. Rollouts are driven
 * elsewhere (dev.driftd.reconcile); {@link #NONE} says no member is in any rollout.
 */
public interface RolloutCounts {
    /** Rollout states exported as the {@code state} label, each registered for every fleet. */
    java.util.List<String> STATES = java.util.List.of("waiting", "applying", "applied", "failed", "skipped");

    int members(String fleet, String state);

    RolloutCounts NONE = (fleet, state) -> 0;
}
