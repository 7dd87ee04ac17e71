package dev.driftd.fleet;

import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The daemon's read and control surface, as the admin API and metrics see it. The sweep side
 * implements it; HTTP and metrics only call it.
 */
public interface FleetService {
    List<FleetStatus> fleets();

    Optional<FleetStatus> fleet(String name);

    /** The member's last snapshot against the fleet's golden; empty for an unknown fleet or member. */
    Optional<Diff> diff(String fleet, String member);

    /**
     * Golden's snapshot and the member's (in the member's own scope), as {@link #diff} compares
     * them; empty for an unknown fleet or member, IllegalStateException when either has none yet.
     * The console's side-by-side view renders each differing object from both.
     */
    default Optional<dev.driftd.schema.Snapshot[]> snapshots(String fleet, String member) {
        return Optional.empty();
    }

    /**
     * The member's past schemas: each fingerprint it had, from when to when, oldest first.
     * IllegalStateException when the store cannot be read.
     */
    default List<dev.driftd.store.HistoryEntry> history(String fleet, String member) {
        return List.of();
    }

    /** The member's periods of drift, oldest first (the last one open while it drifts); as {@link #history}. */
    default List<dev.driftd.store.DriftEvent> driftEvents(String fleet, String member) {
        return List.of();
    }

    /**
     * The kinds the member's last comparison with golden could not compare (read on neither side's
     * server by the model): a member "in sync" is in sync for every other kind only. Empty for an
     * unknown member or one without a snapshot. This default computes the whole diff; the daemon
     * answers from the stored snapshots.
     */
    default java.util.Set<dev.driftd.schema.ObjectKind> notInspected(String fleet, String member) {
        try {
            return diff(fleet, member).map(Diff::notInspected).orElse(java.util.Set.of());
        } catch (IllegalStateException notYet) {
            return java.util.Set.of();
        }
    }

    /**
     * {@link #notInspected(String, String)} of every member of the fleet, by member name, for one
     * answer about the whole fleet. This default asks member by member; the daemon works out each
     * distinct snapshot once (a fleet of thousands shares a handful).
     */
    default java.util.Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> notInspected(String fleet) {
        java.util.Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> out = new java.util.HashMap<>();
        for (FleetStatus f : fleets()) {
            if (f.name().equals(fleet)) {
                f.members().forEach(m -> out.put(m.member(), notInspected(fleet, m.member())));
            }
        }
        return out;
    }

    /**
     * The members of the fleet that have waived changes now, by name: how many, and the soonest
     * expiry among the waivers covering them. Empty for an unknown fleet or one without waivers.
     */
    default java.util.Map<String, dev.driftd.waiver.WaiverSummary> waived(String fleet) {
        return java.util.Map.of();
    }

    /** The fleets' waivers, or null when this service has none (tests' stand-ins). */
    default WaiverService waivers() {
        return null;
    }

    /**
     * The member's diff with what the policy sets aside (changes only ignore rules hide, changes its
     * overlays declare), from a fresh read; empty for an unknown fleet or member, IllegalStateException
     * when it cannot be made now. This default shows only the drift.
     */
    default Optional<MemberDiff> diffAll(String fleet, String member) {
        return diff(fleet, member).map(MemberDiff::of);
    }

    /** The reconciliation plan for a member; empty for an unknown fleet or member. */
    Optional<Plan> reconcile(String fleet, String member);

    /**
     * Starts a sweep of the fleet now. The future completes with the result of a sweep that
     * started after this call (if one is running, it waits for it and runs another).
     */
    CompletableFuture<SweepResult> sweepNow(String fleet);

    /** Re-reads the configuration; throws with a one-line reason and keeps the old one when it is bad. */
    void reload();

    /** True when config is loaded, the store answers and the scheduler runs. */
    boolean ready();

    /**
     * A DDL statement reported by the JDBC proxy: attributed to the members it touched, counted,
     * recorded, and followed by a debounced snapshot of those members. Returns at once with the
     * members matched (empty when no fleet watches that database).
     */
    default List<dev.driftd.events.MemberRef> reportDdl(dev.driftd.events.DdlEvent event) {
        throw new UnsupportedOperationException("this daemon does not take DDL events");
    }

    /** Like {@link #reportDdl}, and says how the members were found, or why none was. */
    default dev.driftd.events.DdlMatch takeDdl(dev.driftd.events.DdlEvent event) {
        return dev.driftd.events.DdlMatch.of(reportDdl(event));
    }

    /** The member's latest reported DDL statements, newest first (at most {@code limit}). */
    default List<dev.driftd.store.DdlRecord> recentDdl(String fleet, String member, int limit) {
        return List.of();
    }

    /** Each member's latest reported DDL statement, by member name (members without one are absent). */
    default java.util.Map<String, dev.driftd.store.DdlRecord> lastDdl(String fleet) {
        return java.util.Map.of();
    }
}
