package dev.driftd.proxy;

import com.mysql.cj.jdbc.ConnectionImpl;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.jdbc.PgConnection;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every known way to reach the driver's own objects from a proxied connection, tried under
 * driftd.guard=block on both drivers: each must still be refused by the guard (and, under warn,
 * reported), and afterwards the database must show that none of the DDL ran.
 */
class BypassTest {
    private TestServers.Server server;
    private String db;
    private DdlReceiver receiver;

    @AfterEach
    void tearDown() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    private Connection open(TestServers.Server s, String prefix, String extra) throws Exception {
        server = s;
        assumeTrue(server != null, "no server for " + prefix);
        db = server.createDatabase(prefix);
        receiver = new DdlReceiver();
        return DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + receiver.endpoint() + "&" + extra));
    }

    private static void refused(String path, ThrowingCallable call) {
        assertThatThrownBy(call).as(path).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(path).isEqualTo("42501"))
                .hasMessageContaining("driftd guard refused");
    }

    /** The paths both drivers share: result sets, statements, metadata and callable statements. */
    private static List<String> tryCommonPaths(Connection c, String ddl) throws Exception {
        List<String> tried = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            tried.add("resultSet.getStatement");
            refused("resultSet.getStatement().execute", () -> rs.getStatement().execute(ddl));
            tried.add("resultSet.getStatement.getConnection");
            refused("resultSet.getStatement().getConnection()",
                    () -> rs.getStatement().getConnection().createStatement().execute(ddl));
            tried.add("statement.getConnection");
            refused("statement.getConnection()", () -> s.getConnection().createStatement().executeUpdate(ddl));
            s.execute("SELECT 2");
            tried.add("statement.getResultSet");
            try (ResultSet again = s.getResultSet()) {
                refused("statement.getResultSet().getStatement()", () -> again.getStatement().execute(ddl));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
            tried.add("preparedStatement.resultSet.getStatement");
            refused("preparedStatement.executeQuery().getStatement()", () -> rs.getStatement().execute(ddl));
            refused("preparedStatement.getConnection()", () -> ps.getConnection().prepareStatement(ddl));
        }
        DatabaseMetaData md = c.getMetaData();
        tried.add("metadata.getConnection");
        refused("metaData.getConnection()", () -> md.getConnection().createStatement().execute(ddl));
        try (ResultSet tables = md.getTables(null, null, "%", null)) {
            tried.add("metadata.resultSet.getStatement");
            Statement st = tables.getStatement();
            if (st != null) {
                refused("metaData.getTables().getStatement()", () -> st.execute(ddl));
                refused("metaData.getTables().getStatement().getConnection()",
                        () -> st.getConnection().createStatement().execute(ddl));
            }
        }
        tried.add("prepareCall");
        refused("connection.prepareCall", () -> c.prepareCall(ddl));
        try (CallableStatement cs = c.prepareCall("SELECT 1")) {
            refused("callableStatement.execute(sql)", () -> cs.execute(ddl));
            refused("callableStatement.getConnection()", () -> cs.getConnection().prepareCall(ddl));
        }
        tried.add("unwrap(Connection)");
        refused("unwrap(Connection)", () -> c.unwrap(Connection.class).createStatement().execute(ddl));
        return tried;
    }

    @Test
    void postgresHasNoWayPastTheGuard() throws Exception {
        String ddl = "CREATE TABLE p22b_bypassed (a int)";
        try (Connection c = open(TestServers.postgres(), "p22b_bypass_pg", "driftd.guard=block")) {
            List<String> tried = tryCommonPaths(c, ddl);
            assertThat(tried).hasSize(9);

            PGConnection pg = c.unwrap(PGConnection.class);
            assertThat(pg).isInstanceOf(Connection.class);
            assertThat(pg.getBackendPID()).isPositive(); // a real PGConnection method answers
            refused("unwrap(PGConnection)", () -> ((Connection) pg).createStatement().execute(ddl));
            BaseConnection base = c.unwrap(BaseConnection.class);
            refused("unwrap(BaseConnection).execSQLUpdate", () -> base.execSQLUpdate(ddl));
            refused("unwrap(BaseConnection).execSQLQuery", () -> base.execSQLQuery(ddl));
            refused("unwrap(PgConnection class)", () -> c.unwrap(PgConnection.class));
            try (Statement s = c.createStatement()) {
                PGStatement pgs = s.unwrap(PGStatement.class);
                refused("unwrap(PGStatement)", () -> ((Statement) pgs).execute(ddl));
                BaseStatement bs = s.unwrap(BaseStatement.class);
                refused("unwrap(BaseStatement).executeWithFlags", () -> bs.executeWithFlags(ddl, 0));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                refused("resultSet.unwrap(PgResultSet class)",
                        () -> rs.unwrap(Class.forName("org.postgresql.jdbc.PgResultSet")));
            }
        }
        assertNothingRan("SELECT count(*) FROM pg_class WHERE relname = 'p22b_bypassed'");
        assertThat(receiver.drain(300)).isEmpty();
    }

    @Test
    void mariadbHasNoWayPastTheGuard() throws Exception {
        String ddl = "CREATE TABLE p22b_bypassed (a int)";
        try (Connection c = open(TestServers.mysql(), "p22b_bypass_my", "driftd.guard=block")) {
            List<String> tried = tryCommonPaths(c, ddl);
            assertThat(tried).hasSize(9);

            JdbcConnection my = c.unwrap(JdbcConnection.class);
            refused("unwrap(JdbcConnection).createStatement", () -> my.createStatement().execute(ddl));
            refused("unwrap(JdbcConnection).clientPrepareStatement", () -> my.clientPrepareStatement(ddl).execute());
            refused("unwrap(JdbcConnection).serverPrepareStatement", () -> my.serverPrepareStatement(ddl).execute());
            refused("unwrap(JdbcConnection).getActiveMySQLConnection",
                    () -> my.getActiveMySQLConnection().createStatement().execute(ddl));
            refused("unwrap(JdbcConnection).getMultiHostSafeProxy",
                    () -> my.getMultiHostSafeProxy().createStatement().execute(ddl));
            refused("unwrap(JdbcConnection).getMetaDataSafeStatement",
                    () -> my.getMetaDataSafeStatement().execute(ddl));
            refused("unwrap(ConnectionImpl class)", () -> c.unwrap(ConnectionImpl.class));
            try (Statement s = c.createStatement()) {
                JdbcStatement js = s.unwrap(JdbcStatement.class);
                refused("unwrap(JdbcStatement)", () -> js.execute(ddl));
                refused("unwrap(JdbcStatement).getConnection", () -> js.getConnection().createStatement().execute(ddl));
            }
        }
        assertNothingRan("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + db
                + "' AND table_name = 'p22b_bypassed'");
        assertThat(receiver.drain(300)).isEmpty();
    }

    /** Under warn the same vendor paths run the DDL and the proxy reports it: the reporter is on them too. */
    @Test
    void vendorPathsAreReportedUnderWarn() throws Exception {
        try (Connection c = open(TestServers.postgres(), "p22b_bypass_pgw", "driftd.guard=warn")) {
            c.unwrap(BaseConnection.class).execSQLUpdate("CREATE TABLE p22b_a (a int)");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.getStatement().getConnection().unwrap(PGConnection.class);
                ((Connection) c.unwrap(PGConnection.class)).createStatement().execute("CREATE TABLE p22b_b (a int)");
            }
            // unwrap to the class is allowed under warn (logged): it hands out the driver's object
            assertThat(c.unwrap(PgConnection.class)).isNotSameAs(c).isInstanceOf(PgConnection.class);
        }
        assertThat(receiver.drain(1_000)).extracting(e -> e.text("statement"))
                .containsExactly("CREATE TABLE p22b_a (a int)", "CREATE TABLE p22b_b (a int)");
    }

    @Test
    void mariadbVendorPathsAreReportedUnderWarn() throws Exception {
        try (Connection c = open(TestServers.mysql(), "p22b_bypass_myw", "driftd.guard=warn")) {
            JdbcConnection my = c.unwrap(JdbcConnection.class);
            try (PreparedStatement ps = my.clientPrepareStatement("CREATE TABLE p22b_a (a int)")) {
                ps.execute();
            }
            try (Statement s = my.getActiveMySQLConnection().createStatement()) {
                s.execute("CREATE TABLE p22b_b (a int)");
            }
        }
        assertThat(receiver.drain(1_000)).extracting(e -> e.text("statement"))
                .containsExactly("CREATE TABLE p22b_a (a int)", "CREATE TABLE p22b_b (a int)");
    }

    /**
     * DriftdDataSource.wrap over a pool: the proxy's connection wraps the pool's, which unwraps to
     * the driver's. unwrap to the vendor interface must give a guarded view of that object, and a
     * PostgreSQL transaction committed through the view must release its events.
     */
    @Test
    void unwrapThroughAPoolGivesAGuardedViewPostgres() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL");
        db = server.createDatabase("p22b_bypass_pool");
        receiver = new DdlReceiver();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url(db));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DriftdDataSource blocked = DriftdDataSource.wrap(pool);
            blocked.setEndpoint(receiver.endpoint());
            blocked.setGuard("block");
            try (Connection c = blocked.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                assertThat(pg).isNotSameAs(c).isInstanceOf(Connection.class);
                assertThat(pg.getBackendPID()).isPositive();
                refused("pool: unwrap(PGConnection)", () -> ((Connection) pg).createStatement()
                        .execute("CREATE TABLE p22b_bypassed (a int)"));
                refused("pool: unwrap(BaseConnection).execSQLUpdate",
                        () -> c.unwrap(BaseConnection.class).execSQLUpdate("CREATE TABLE p22b_bypassed (a int)"));
                refused("pool: unwrap(PgConnection class)", () -> c.unwrap(PgConnection.class));
            }
            DriftdDataSource warned = DriftdDataSource.wrap(pool);
            warned.setEndpoint(receiver.endpoint());
            warned.setGuard("warn");
            try (Connection c = warned.getConnection()) {
                c.setAutoCommit(false);
                Connection view = (Connection) c.unwrap(PGConnection.class);
                try (Statement s = view.createStatement()) {
                    s.execute("CREATE TABLE p22b_viewed (a int)");
                }
                assertThat(receiver.next(300)).as("held until commit").isNull();
                view.commit();
                DdlReceiver.Received e = receiver.next(2_000);
                assertThat(e).isNotNull();
                assertThat(e.text("statement")).isEqualTo("CREATE TABLE p22b_viewed (a int)");
                c.setAutoCommit(true);
            }
        }
        assertNothingRan("SELECT count(*) FROM pg_class WHERE relname = 'p22b_bypassed'");
    }

    private void assertNothingRan(String countQuery) throws SQLException {
        try (Connection raw = DriverManager.getConnection(server.url(db)); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery(countQuery)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the table must not exist").isZero();
        }
    }
}
