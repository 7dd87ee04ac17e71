package dev.driftd.dialect.mysql;

import dev.driftd.dialect.JdbcFamily;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * mysql-connector-j for MySQL and MariaDB: its {@code dbname} connection property wins over the
 * URL's path, which the driver would percent-decode ({@code %31} is {@code 1}, {@code +} a space).
 */
public final class MysqlFamily implements JdbcFamily {
    public static final MysqlFamily INSTANCE = new MysqlFamily();

    private MysqlFamily() {
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean handles(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public String databaseProperty() {
        return "dbname";
    }

    @Override
    public String identityQuery() {
        return "SELECT DATABASE()";
    }

    /**
     * MySQL's server_uuid (MariaDB has none), then server_id, the server's own host name and port:
     * server_id alone is 1 on every server nobody configured. SHOW VARIABLES does not fail where a
     * variable is missing.
     */
    @Override
    public List<String> serverIdentities(Connection c) throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SHOW VARIABLES WHERE Variable_name IN ('server_uuid', 'server_id', 'hostname', 'port')")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        List<String> ids = new ArrayList<>(2);
        String uuid = vars.get("server_uuid");
        if (uuid != null && !uuid.isEmpty()) {
            ids.add("mysql:server_uuid=" + uuid);
        }
        if (vars.get("server_id") != null && vars.get("hostname") != null && vars.get("port") != null) {
            ids.add("mysql:server=" + vars.get("server_id") + "@" + vars.get("hostname") + ":" + vars.get("port"));
        }
        return ids;
    }
}
