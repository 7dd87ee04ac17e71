package dev.driftd.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A dialect's discovery ability: where to connect to list a server, and the catalog queries that
 * name its databases and a database's schemas. System databases and schemas are never listed;
 * fleets filter what is left by their own patterns.
 */
public interface DatabaseListing {
    /**
     * The target to connect to for listing: {@code rule} itself, or the same server and credentials
     * pointed at a database that always exists when the dialect cannot connect without one.
     */
    DbTarget listingTarget(DbTarget rule);

    /** The server's databases that can be members, in the catalog's order (one query). */
    List<String> databases(Connection connection, Duration timeout) throws SQLException;

    /** The connection's database's schemas that can be members, in the catalog's order (one query). */
    List<String> schemas(Connection connection, Duration timeout) throws SQLException;

    /** The first column of {@code sql}'s rows, the query bounded by {@code timeout} (at least a second). */
    static List<String> names(Connection connection, String sql, Duration timeout) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
