package dev.driftd.dialect.mysql;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads a Mysql catalog into the neutral model. (Being built.) */
final class MysqlInspector {
    private final Connection connection;
    private final InspectOptions options;

    MysqlInspector(Connection connection, InspectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    Snapshot inspect(String schema) throws SQLException {
        throw new SQLException("the mysql inspector is being built (" + connection + ", " + options + ")");
    }
}
