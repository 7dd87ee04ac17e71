package dev.driftd.dialect;

import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One database family, and the only door to it: how to connect, read a catalog into the neutral
 * model (inspector), write the DDL that reconciles a diff (planner) and run it (applier), list a
 * server's databases ({@link #databaseListing()}), make scratch databases ({@link #scratchSpace()}),
 * and, as optional abilities asked at run time, a verified one-transaction apply
 * ({@link #verifiedApply()}). Code outside {@code dialect} finds a dialect through {@link Dialects}
 * (by URL or by a snapshot's flavor) and never names one; a third database is one more
 * implementation and one more entry in {@link Dialects#standard()}. Dialects know nothing of fleets,
 * HTTP or scheduling.
 */
public interface Dialect {
    /** Short name used in messages and metrics ({@code postgres}, {@code mysql}). */
    String name();

    /** What this dialect's JDBC driver needs of an address: its URL schemes, default port, database property. */
    JdbcFamily jdbcFamily();

    /** True when this dialect reads databases behind the JDBC URL: its {@link #jdbcFamily()}'s URLs. */
    default boolean handles(String jdbcUrl) {
        return jdbcFamily().handles(jdbcUrl);
    }

    /**
     * True when this dialect's inspector writes snapshots of {@code flavor}: its planner plans them and
     * they compare only with each other. {@code null} (a snapshot that names no flavor) is one dialect's.
     */
    boolean reads(Flavor flavor);

    /** How fleets' discover rules list this dialect's servers: databases, schemas. */
    DatabaseListing databaseListing();

    /** How a golden SQL file gets a throw-away database (or schema) of this dialect to run in. */
    ScratchSpace scratchSpace();

    /**
     * Opens a connection with the connect timeout applied. {@code readOnly} sessions are what
     * snapshots use; plans are applied over a writable one.
     */
    Connection connect(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException;

    /**
     * Reads the scope behind the connection: for PostgreSQL the database's non-system schemas, or
     * only {@code schema} when given (names then scope-relative); for MySQL the connection's
     * database. A fixed number of catalog queries, whatever the number of tables.
     */
    Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException;

    /**
     * Like {@link #inspect}, plus the catalog marker read in the same transaction. Dialects without
     * a marker return the snapshot alone.
     */
    default MarkedSnapshot inspectMarked(Connection connection, String schema, InspectOptions options)
            throws SQLException {
        return new MarkedSnapshot(inspect(connection, schema, options), null);
    }

    /**
     * One cheap query whose answer changes whenever anything {@link #inspect} reads changes (any
     * DDL, comment or grant in the database); empty when the dialect has no such query.
     */
    default Optional<String> catalogMarker(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * The marker of the scope {@link #inspect} reads for {@code schema} (null: the connection's
     * default). Dialects whose marker covers the whole database need not override it.
     */
    default Optional<String> catalogMarker(Connection connection, String schema) throws SQLException {
        return catalogMarker(connection);
    }

    /**
     * The marker of every schema of the connection's database from one read of its catalogs, for
     * fleets whose members are schemas of one database: a sweep asks once per database instead of
     * once per member. {@code previous} is what this returned last time for the same database (or
     * null); a dialect may hand it back when a cheaper database-wide check shows nothing changed.
     * Empty when the dialect has no per-schema marker.
     */
    default Optional<SchemaMarkers> schemaMarkers(Connection connection, SchemaMarkers previous)
            throws SQLException {
        return Optional.empty();
    }

    /** The statements that turn {@code target} into {@code golden}, in dependency order. */
    Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options);

    /**
     * Judges changed objects of golden and a target on servers of different major versions (see
     * {@link dev.driftd.diff.CrossVersionVerdicts}); dialects whose servers print no text of their
     * own judge nothing (empty: the plain comparison stands).
     *
     * @param goldenServer a connection to a server of golden's major holding golden's objects, or null
     */
    default java.util.Map<dev.driftd.schema.ObjectKey, dev.driftd.diff.CrossVersionVerdicts.Judged> judgeAcrossVersions(
            java.util.List<dev.driftd.diff.Change> changes, Snapshot golden, Connection goldenServer, String goldenSchema,
            Snapshot target, Connection targetServer, String targetSchema) throws SQLException {
        return java.util.Map.of();
    }

    /**
     * Runs a plan on a writable connection: PostgreSQL in one transaction with the plan's lock
     * timeout (rolled back on any failure), MySQL statement by statement.
     */
    void apply(Connection connection, Plan plan, boolean allowDestructive) throws SQLException;

    /**
     * The one-transaction apply verified before COMMIT, when this dialect's DDL is transactional;
     * empty when it is not (its plans then run statement by statement and resume where they stopped).
     */
    default Optional<VerifiedApply> verifiedApply() {
        return Optional.empty();
    }
}
