package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DatabaseListing;
import dev.driftd.dialect.DbTarget;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** PostgreSQL's discovery: databases that accept connections and are no templates; schemas but the system ones. */
final class PgDatabaseListing implements DatabaseListing {
    static final PgDatabaseListing INSTANCE = new PgDatabaseListing();

    private PgDatabaseListing() {
    }

    /** A PostgreSQL URL without a database still connects (to the user's own), so the rule is used as it is. */
    @Override
    public DbTarget listingTarget(DbTarget rule) {
        return rule;
    }

    @Override
    public List<String> databases(Connection connection, Duration timeout) throws SQLException {
        return DatabaseListing.names(connection,
                "SELECT datname FROM pg_catalog.pg_database WHERE NOT datistemplate AND datallowconn ORDER BY 1", timeout);
    }

    @Override
    public List<String> schemas(Connection connection, Duration timeout) throws SQLException {
        return DatabaseListing.names(connection, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                + "AND nspname <> 'information_schema' ORDER BY 1", timeout);
    }
}
