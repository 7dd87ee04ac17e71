package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/** Work in progress: replaced by the real Postgres engine. */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgres");
    }

    @Override
    public Connection connect(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        throw new SQLException("postgres engine not built yet");
    }

    @Override
    public Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException {
        throw new SQLException("postgres engine not built yet");
    }

    @Override
    public Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options) {
        throw new IllegalStateException("postgres engine not built yet");
    }

    @Override
    public void apply(Connection connection, Plan plan, boolean allowDestructive) throws SQLException {
        throw new SQLException("postgres engine not built yet");
    }
}
