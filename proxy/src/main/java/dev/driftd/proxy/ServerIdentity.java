package dev.driftd.proxy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database server says it is, so the daemon can match an event to its member whatever
 * host name the application used (a DNS alias, a pooler, "localhost"). Strongest first, each
 * "flavor:kind=value"; the daemon reads the same strings when it snapshots a member
 * (JdbcFamily.serverIdentities) and compares the strongest kind both sides have:
 * <ul>
 *   <li>PostgreSQL: {@code postgresql:system_identifier=N} from pg_control_system() when this
 *       user may call it (a physical replica shares its primary's), then
 *       {@code postgresql:address=IP:PORT} from inet_server_addr()/inet_server_port() (the address
 *       the server accepted this connection on).</li>
 *   <li>MySQL: {@code mysql:server_uuid=U} (MySQL; MariaDB has none), then
 *       {@code mysql:server=ID@HOSTNAME:PORT} from @@server_id, @@hostname and @@port (the server's
 *       own host name is there because server_id defaults to 1 everywhere).</li>
 * </ul>
 * Read once per connection, at its first DDL statement, by queries that cannot fail on a
 * supported server (an error inside a PostgreSQL transaction would abort the application's).
 */
final class ServerIdentity {
    static final String POSTGRES_QUERY = "SELECT CASE WHEN has_function_privilege("
            + "to_regprocedure('pg_catalog.pg_control_system()'), 'EXECUTE')"
            + " THEN (SELECT system_identifier::text FROM pg_catalog.pg_control_system()) END,"
            + " host(inet_server_addr()), inet_server_port()";
    static final String MYSQL_QUERY =
            "SHOW VARIABLES WHERE Variable_name IN ('server_uuid', 'server_id', 'hostname', 'port')";

    private ServerIdentity() {
    }

    /** The server's identities, strongest first; empty when none can be read. Never throws. */
    static List<String> read(Connection raw, SqlFlavor flavor) {
        if (flavor == SqlFlavor.OTHER) {
            return List.of(); // no query known: such events are matched by host and port
        }
        try (Statement s = raw.createStatement()) {
            if (flavor == SqlFlavor.POSTGRES) {
                try (ResultSet rs = s.executeQuery(POSTGRES_QUERY)) {
                    return rs.next() ? postgres(rs.getString(1), rs.getString(2), rs.getString(3)) : List.of();
                }
            }
            if (flavor == SqlFlavor.MYSQL) {
                Map<String, String> vars = new HashMap<>();
                try (ResultSet rs = s.executeQuery(MYSQL_QUERY)) {
                    while (rs.next()) {
                        vars.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                    }
                }
                return mysql(vars.get("server_uuid"), vars.get("server_id"), vars.get("hostname"), vars.get("port"));
            }
        } catch (SQLException | RuntimeException e) {
            // e.g. a streaming result set is open on this connection: events fall back to host and port
        }
        return List.of();
    }

    static List<String> postgres(String systemIdentifier, String address, String port) {
        List<String> ids = new ArrayList<>(2);
        if (nonEmpty(systemIdentifier)) {
            ids.add("postgresql:system_identifier=" + systemIdentifier);
        }
        if (nonEmpty(address) && nonEmpty(port)) {
            ids.add("postgresql:address=" + address + ":" + port);
        }
        return ids;
    }

    static List<String> mysql(String serverUuid, String serverId, String hostname, String port) {
        List<String> ids = new ArrayList<>(2);
        if (nonEmpty(serverUuid)) {
            ids.add("mysql:server_uuid=" + serverUuid);
        }
        if (nonEmpty(serverId) && nonEmpty(hostname) && nonEmpty(port)) {
            ids.add("mysql:server=" + serverId + "@" + hostname + ":" + port);
        }
        return ids;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
