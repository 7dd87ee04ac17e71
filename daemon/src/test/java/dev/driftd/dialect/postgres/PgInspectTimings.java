package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** For the benchmark: one snapshot's milliseconds per catalog query (the inspector is package-private). */
public final class PgInspectTimings {
    private PgInspectTimings() {
    }

    public static Map<String, Long> of(DbTarget target, InspectOptions options) throws SQLException {
        try (Connection c = PostgresConnections.open(target, options, true)) {
            PostgresInspector inspector = new PostgresInspector(c, options);
            inspector.inspect(target.schema());
            return inspector.timings();
        }
    }
}
