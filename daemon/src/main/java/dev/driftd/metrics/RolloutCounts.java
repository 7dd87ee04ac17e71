package dev.driftd.metrics;

/**
 * Members of running rollouts per state, for {@code driftd_rollout_members}. Rollouts are driven
 * elsewhere; until something plugs in, {@link #NONE} says no member is in any rollout.
 */
public interface RolloutCounts {
    /** Rollout states exported as the {@code state} label, each registered for every fleet. */
    java.util.List<String> STATES = java.util.List.of("waiting", "applying", "applied", "failed");

    int members(String fleet, String state);

    RolloutCounts NONE = (fleet, state) -> 0;
}
