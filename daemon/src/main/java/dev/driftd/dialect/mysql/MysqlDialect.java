package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DatabaseListing;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcFamily;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.ScratchSpace;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The Mysql family: connections and catalog reads here, planning and applying in their own classes. */
public final class MysqlDialect implements Dialect {
    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public JdbcFamily jdbcFamily() {
        return MysqlFamily.INSTANCE;
    }

    @Override
    public boolean reads(Flavor flavor) {
        return flavor != null && flavor.isMysqlFamily();
    }

    @Override
    public DatabaseListing databaseListing() {
        return MysqlDatabaseListing.INSTANCE;
    }

    @Override
    public ScratchSpace scratchSpace() {
        return MysqlScratchSpace.INSTANCE;
    }

    @Override
    public Connection connect(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        return MysqlConnections.open(target, options, readOnly);
    }

    @Override
    public Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException {
        return new MysqlInspector(connection, options).inspect(schema);
    }

    /** The marker first: DDL between the two reads then shows as a changed marker next sweep, never as a missed one. */
    @Override
    public MarkedSnapshot inspectMarked(Connection connection, String schema, InspectOptions options)
            throws SQLException {
        String marker = new MysqlCatalogMarker(connection, options).read(schema);
        return new MarkedSnapshot(inspect(connection, schema, options), marker);
    }

    @Override
    public Optional<String> catalogMarker(Connection connection, String schema) throws SQLException {
        return Optional.ofNullable(new MysqlCatalogMarker(connection, InspectOptions.DEFAULT).read(schema));
    }

    @Override
    public Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options) {
        return new MysqlPlanner(golden, target, options).plan(diff);
    }

    @Override
    public void apply(Connection connection, Plan plan, boolean allowDestructive) throws SQLException {
        new MysqlApplier(connection).apply(plan, allowDestructive);
    }
}
