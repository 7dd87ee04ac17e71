package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DatabaseListing;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.JdbcUrl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The MySQL family's discovery: a schema is a database, so both lists are the server's databases but the system ones. */
final class MysqlDatabaseListing implements DatabaseListing {
    static final MysqlDatabaseListing INSTANCE = new MysqlDatabaseListing();
    private static final Set<String> SYSTEM = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private MysqlDatabaseListing() {
    }

    /**
     * A rule URL may name no database (it lists the server's databases); a session needs one, so
     * such a URL is pointed at information_schema, always there.
     */
    @Override
    public DbTarget listingTarget(DbTarget rule) {
        JdbcUrl url = JdbcUrl.parse(rule.url());
        if (!url.database().isEmpty()) {
            return rule;
        }
        return new DbTarget(url.withDatabase("information_schema").toString(), rule.user(), rule.password(), rule.schema());
    }

    @Override
    public List<String> databases(Connection connection, Duration timeout) throws SQLException {
        return DatabaseListing.names(connection, "SELECT schema_name FROM information_schema.schemata ORDER BY 1", timeout)
                .stream().filter(name -> !SYSTEM.contains(name.toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public List<String> schemas(Connection connection, Duration timeout) throws SQLException {
        return databases(connection, timeout);
    }
}
