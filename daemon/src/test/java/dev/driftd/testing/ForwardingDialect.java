package dev.driftd.testing;

import dev.driftd.dialect.DatabaseListing;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcFamily;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.SchemaMarkers;
import dev.driftd.dialect.ScratchSpace;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.diff.Change;
import dev.driftd.diff.CrossVersionVerdicts;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dialect that hands every call, the interface's default methods included, to a real one: tests
 * that count or corrupt what one method does override just that method, and a method added to
 * {@link Dialect} later still reaches the real dialect instead of its default.
 */
public class ForwardingDialect implements Dialect {
    protected final Dialect real;

    public ForwardingDialect(Dialect real) {
        this.real = real;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public JdbcFamily jdbcFamily() {
        return real.jdbcFamily();
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return real.handles(jdbcUrl);
    }

    @Override
    public boolean reads(Flavor flavor) {
        return real.reads(flavor);
    }

    @Override
    public DatabaseListing databaseListing() {
        return real.databaseListing();
    }

    @Override
    public ScratchSpace scratchSpace() {
        return real.scratchSpace();
    }

    @Override
    public Connection connect(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        return real.connect(target, options, readOnly);
    }

    @Override
    public Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException {
        return real.inspect(connection, schema, options);
    }

    @Override
    public MarkedSnapshot inspectMarked(Connection connection, String schema, InspectOptions options)
            throws SQLException {
        return real.inspectMarked(connection, schema, options);
    }

    @Override
    public Optional<String> catalogMarker(Connection connection) throws SQLException {
        return real.catalogMarker(connection);
    }

    @Override
    public Optional<String> catalogMarker(Connection connection, String schema) throws SQLException {
        return real.catalogMarker(connection, schema);
    }

    @Override
    public Optional<SchemaMarkers> schemaMarkers(Connection connection, SchemaMarkers previous) throws SQLException {
        return real.schemaMarkers(connection, previous);
    }

    @Override
    public Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options) {
        return real.plan(diff, golden, target, options);
    }

    @Override
    public Map<ObjectKey, CrossVersionVerdicts.Judged> judgeAcrossVersions(List<Change> changes, Snapshot golden,
            Connection goldenServer, String goldenSchema, Snapshot target, Connection targetServer, String targetSchema)
            throws SQLException {
        return real.judgeAcrossVersions(changes, golden, goldenServer, goldenSchema, target, targetServer, targetSchema);
    }

    @Override
    public void apply(Connection connection, Plan plan, boolean allowDestructive) throws SQLException {
        real.apply(connection, plan, allowDestructive);
    }

    @Override
    public Optional<VerifiedApply> verifiedApply() {
        return real.verifiedApply();
    }
}
