package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens Postgres connections with timeouts; read-only ones for snapshots. (Being built.) */
final class PostgresConnections {
    private PostgresConnections() {
    }

    static Connection open(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        throw new SQLException("the postgres engine is being built");
    }
}
