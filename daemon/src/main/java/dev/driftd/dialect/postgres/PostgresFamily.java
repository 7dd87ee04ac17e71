package dev.driftd.dialect.postgres;

import dev.driftd.dialect.JdbcFamily;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** pgjdbc: {@code PGDBNAME} carries the database; the URL's path is then left empty. */
public final class PostgresFamily implements JdbcFamily {
    public static final PostgresFamily INSTANCE = new PostgresFamily();

    private PostgresFamily() {
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean handles(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public String databaseProperty() {
        return "PGDBNAME";
    }

    @Override
    public String identityQuery() {
        return "SELECT pg_catalog.current_database()";
    }

    /**
     * The cluster's system identifier when this role may call pg_control_system() (a physical
     * replica has its primary's), then the address and port the server took this connection on.
     */
    @Override
    public List<String> serverIdentities(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>(2);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CASE WHEN has_function_privilege("
                + "to_regprocedure('pg_catalog.pg_control_system()'), 'EXECUTE')"
                + " THEN (SELECT system_identifier::text FROM pg_catalog.pg_control_system()) END,"
                + " host(inet_server_addr()), inet_server_port()")) {
            if (rs.next()) {
                if (rs.getString(1) != null) {
                    ids.add("postgresql:system_identifier=" + rs.getString(1));
                }
                if (rs.getString(2) != null && rs.getString(3) != null) {
                    ids.add("postgresql:address=" + rs.getString(2) + ":" + rs.getString(3));
                }
            }
        }
        return ids;
    }
}
