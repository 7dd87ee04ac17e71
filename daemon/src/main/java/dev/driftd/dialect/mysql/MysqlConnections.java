package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens Mysql connections with timeouts; read-only ones for snapshots. (Being built.) */
final class MysqlConnections {
    private MysqlConnections() {
    }

    static Connection open(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        throw new SQLException("the mysql engine is being built");
    }
}
