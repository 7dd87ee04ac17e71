package dev.driftd.plan;

import java.util.EnumSet;
import java.util.Set;

/**
 * One statement of a plan, without its terminator. {@code destructive} statements are written
 * commented out unless the caller allows them; {@code reason} says in a few words why the
 * statement is there (shown as a comment). {@code compound} marks routine, trigger and event
 * bodies that the mysql client needs a DELIMITER around.
 */
public record PlanStatement(String sql, Set<Hazard> hazards, boolean destructive, String reason, boolean compound) {
    public PlanStatement {
        hazards = hazards == null || hazards.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hazards));
    }

    public static PlanStatement of(String sql, String reason, Hazard... hazards) {
        Set<Hazard> set = hazards.length == 0 ? Set.of() : EnumSet.of(hazards[0], hazards);
        return new PlanStatement(sql, set, set.contains(Hazard.DELETES_DATA), reason, false);
    }

    public PlanStatement asCompound() {
        return new PlanStatement(sql, hazards, destructive, reason, true);
    }
}
