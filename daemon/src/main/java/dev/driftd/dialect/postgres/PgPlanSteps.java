package dev.driftd.dialect.postgres;

import dev.driftd.dialect.postgres.PostgresPlanner.Phase;
import dev.driftd.diff.Change;
import dev.driftd.diff.ModelField;
import dev.driftd.plan.Hazard;
import dev.driftd.schema.ObjectKey;

/**
 * Where a pass of the PostgreSQL planner writes: statements in their phases, what the statement just
 * added creates or drops (for the dependency order of {@link PgStepOrder}), and warnings for what no
 * statement reconciles.
 */
interface PgPlanSteps {
    void add(Phase phase, String sql, String reason, Hazard... hazards);

    /**
     * A statement on {@code table} (null: on no table). Statements on a table that is dropped and created
     * again only make sense after that destructive drop, so they are destructive too.
     */
    void addOn(ObjectKey table, Phase phase, String sql, String reason, Hazard... hazards);

    /** A statement that deletes data: written commented out unless destructive statements are allowed. */
    void addDestructive(Phase phase, String sql, String reason, Hazard... hazards);

    /** Marks the statement just added as creating {@code key}: it runs after what golden records that key needs. */
    void creates(ObjectKey key);

    /** Marks the statement just added as dropping {@code key}: it runs after the drops of what needs that key. */
    void drops(ObjectKey key);

    void warn(String warning);

    /** Fields of a change that no statement handles, other than {@code handled}, become warnings, never silence. */
    void unhandled(Change c, ModelField... handled);
}
