package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DatabaseListing;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcFamily;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.ScratchSpace;
import dev.driftd.dialect.SchemaMarkers;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The Postgres family: connections and catalog reads here, planning and applying in their own classes. */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public JdbcFamily jdbcFamily() {
        return PostgresFamily.INSTANCE;
    }

    /** A snapshot naming no flavor is PostgreSQL's, as the engine has always planned it. */
    @Override
    public boolean reads(Flavor flavor) {
        return flavor == null || flavor == Flavor.POSTGRES;
    }

    @Override
    public DatabaseListing databaseListing() {
        return PgDatabaseListing.INSTANCE;
    }

    @Override
    public ScratchSpace scratchSpace() {
        return PgScratchSpace.INSTANCE;
    }

    @Override
    public Connection connect(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        return PostgresConnections.open(target, options, readOnly);
    }

    @Override
    public Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException {
        return new PostgresInspector(connection, options).inspect(schema);
    }

    @Override
    public MarkedSnapshot inspectMarked(Connection connection, String schema, InspectOptions options)
            throws SQLException {
        return new PostgresInspector(connection, options).inspectMarked(schema);
    }

    @Override
    public Optional<String> catalogMarker(Connection connection) throws SQLException {
        return Optional.ofNullable(new PostgresInspector(connection, InspectOptions.DEFAULT).marker());
    }

    @Override
    public Optional<SchemaMarkers> schemaMarkers(Connection connection, SchemaMarkers previous) throws SQLException {
        return Optional.of(PgSchemaMarkers.read(connection, previous));
    }

    @Override
    public java.util.Map<dev.driftd.schema.ObjectKey, dev.driftd.diff.CrossVersionVerdicts.Judged> judgeAcrossVersions(
            java.util.List<dev.driftd.diff.Change> changes, Snapshot golden, Connection goldenServer, String goldenSchema,
            Snapshot target, Connection targetServer, String targetSchema) throws SQLException {
        return PgCrossVersion.judge(changes, golden, goldenServer, goldenSchema, target, targetServer, targetSchema);
    }

    @Override
    public Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options) {
        return new PostgresPlanner(golden, target, options).plan(diff);
    }

    @Override
    public void apply(Connection connection, Plan plan, boolean allowDestructive) throws SQLException {
        new PostgresApplier(connection).apply(plan, allowDestructive);
    }

    @Override
    public Optional<VerifiedApply> verifiedApply() {
        return Optional.of(PostgresVerifiedApply.INSTANCE);
    }
}
