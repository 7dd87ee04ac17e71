package dev.driftd.dialect.postgres;

import dev.driftd.plan.Plan;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a Postgres plan on a writable connection. (Being built.) */
final class PostgresApplier {
    private final Connection connection;

    PostgresApplier(Connection connection) {
        this.connection = connection;
    }

    void apply(Plan plan, boolean allowDestructive) throws SQLException {
        throw new SQLException("the postgres applier is being built (" + connection + plan + allowDestructive + ")");
    }
}
