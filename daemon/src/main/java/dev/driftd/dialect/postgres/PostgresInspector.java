package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads a Postgres catalog into the neutral model. (Being built.) */
final class PostgresInspector {
    private final Connection connection;
    private final InspectOptions options;

    PostgresInspector(Connection connection, InspectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    Snapshot inspect(String schema) throws SQLException {
        throw new SQLException("the postgres inspector is being built (" + connection + ", " + options + ")");
    }
}
