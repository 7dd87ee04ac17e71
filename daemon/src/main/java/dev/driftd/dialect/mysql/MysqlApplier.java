package dev.driftd.dialect.mysql;

import dev.driftd.plan.Plan;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a Mysql plan on a writable connection. (Being built.) */
final class MysqlApplier {
    private final Connection connection;

    MysqlApplier(Connection connection) {
        this.connection = connection;
    }

    void apply(Plan plan, boolean allowDestructive) throws SQLException {
        throw new SQLException("the mysql applier is being built (" + connection + plan + allowDestructive + ")");
    }
}
