package dev.driftd.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.net.InetAddress;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The proxy in front of a real PostgreSQL, reporting to a test receiver in place of the daemon. */
class ProxyPostgresTest {
    private TestServers.Server server;
    private String db;
    private DdlReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL: set DRIFTD_TEST_PG_URL or start one on 127.0.0.1:5432");
        db = server.createDatabase("proxy_pg");
        receiver = new DdlReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    private Connection connect(String extra) throws SQLException {
        String params = "driftd.endpoint=" + receiver.endpoint() + "&driftd.token=tok-1&driftd.application=tests"
                + (extra.isEmpty() ? "" : "&" + extra);
        return DriverManager.getConnection(server.proxied(db, params));
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection(server.url(db));
    }

    private List<String> statements(List<DdlReceiver.Received> events) {
        return events.stream().map(e -> e.text("statement")).collect(Collectors.toList());
    }

    @Test
    void ddlArrivesWithAttribution() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id int primary key)");
            long ran = System.nanoTime();
            DdlReceiver.Received e = receiver.next(30_000); // the bound only guards against a hang
            assertThat(e).as("event").isNotNull();
            // informational: how soon it arrived is the proxy benchmark's to measure, not a race to assert
            System.out.printf("event arrived %d ms after the statement%n", (e.arrivedNanos() - ran) / 1_000_000);
            assertThat(e.text("statement")).isEqualTo("CREATE TABLE orders (id int primary key)");
            assertThat(e.text("command")).isEqualTo("CREATE");
            assertThat(e.text("flavor")).isEqualTo("postgresql");
            assertThat(e.text("database")).isEqualTo(db);
            assertThat(e.text("schema")).isEqualTo("public");
            assertThat(e.text("serverHost")).isEqualTo(TestServers.postgres().base.replaceAll(".*//([^:/]+).*", "$1"));
            assertThat(e.body().get("serverPort").asInt()).isEqualTo(5432);
            assertThat(e.text("user")).isNotBlank().isEqualTo(c.getMetaData().getUserName());
            assertThat(e.text("clientHost")).isEqualTo(InetAddress.getLocalHost().getHostName());
            assertThat(e.text("application")).isEqualTo("tests");
            assertThat(Instant.parse(e.text("time"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
            assertThat(e.body().get("approved").asBoolean()).isFalse(); // default guard warn, no marker
            assertThat(e.text("guard")).isEqualTo("warn");
            assertThat(e.authorization()).isEqualTo("Bearer tok-1");
        }
    }

    @Test
    void schemaFollowsTheSearchPath() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA tenant_7");
            s.execute("SET search_path TO tenant_7");
            s.execute("CREATE TABLE t (a int)");
            List<DdlReceiver.Received> events = receiver.drain(1_000);
            assertThat(events).hasSize(2);
            assertThat(events.get(1).text("schema")).isEqualTo("tenant_7");
        }
    }

    @Test
    void queriesAndDmlProduceNoEvent() throws Exception {
        try (Connection raw = raw(); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE t (id int, v text)");
        }
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (1, 'CREATE TABLE no')");
            s.executeUpdate("UPDATE t SET v = 'x; DROP TABLE t' WHERE id = 1");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "v" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            s.execute("CREATE TEMP TABLE scratch (a int)");
            s.execute("DELETE FROM t WHERE id = 0");
            s.execute("CREATE TABLE sentinel (a int)");
        }
        // events are sent in order: if anything before the sentinel had been reported it would come first
        assertThat(statements(receiver.drain(1_000))).containsExactly("CREATE TABLE sentinel (a int)");
    }

    @Test
    void preparedAndCallableStatementsAreClassifiedAtPrepare() throws Exception {
        try (Connection c = connect("")) {
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE p (a int)")) {
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("ALTER TABLE p ADD COLUMN b int")) {
                assertThat(ps.executeUpdate()).isZero();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT a FROM p WHERE a = ?")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            }
            try (CallableStatement cs = c.prepareCall("CREATE INDEX p_a ON p (a)")) {
                cs.execute();
            }
        }
        assertThat(statements(receiver.drain(1_000))).containsExactly("CREATE TABLE p (a int)",
                "ALTER TABLE p ADD COLUMN b int", "CREATE INDEX p_a ON p (a)");
    }

    @Test
    void batchesReportTheirDdlEntries() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.addBatch("CREATE TABLE b1 (a int)");
            s.addBatch("INSERT INTO b1 VALUES (1)");
            s.addBatch("ALTER TABLE b1 ADD COLUMN b int");
            s.executeBatch();
            s.addBatch("CREATE TABLE cleared (a int)");
            s.clearBatch();
            s.addBatch("CREATE TABLE b2 (a int)");
            s.executeLargeBatch();
        }
        assertThat(statements(receiver.drain(1_000))).containsExactly("CREATE TABLE b1 (a int)",
                "ALTER TABLE b1 ADD COLUMN b int", "CREATE TABLE b2 (a int)");
    }

    @Test
    void aFailedBatchReportsOnlyWhatTheDriverSaysRan() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.addBatch("CREATE TABLE f1 (a int)");
            s.addBatch("CREATE TABLE f1 (a int)"); // fails: already exists
            s.addBatch("CREATE TABLE f2 (a int)");
            assertThatThrownBy(s::executeBatch).isInstanceOf(BatchUpdateException.class);
            c.rollback();
            s.execute("CREATE TABLE sentinel (a int)");
            c.commit();
        }
        // the transaction was rolled back, so nothing of the batch is reported
        assertThat(statements(receiver.drain(1_000))).containsExactly("CREATE TABLE sentinel (a int)");
    }

    @Test
    void aFailedAutoCommitBatchReportsExactlyTheTablesThatExist() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.addBatch("CREATE TABLE g1 (a int)");
            s.addBatch("CREATE TABLE g1 (a int)"); // fails: already exists
            s.addBatch("CREATE TABLE g2 (a int)");
            assertThatThrownBy(s::executeBatch).isInstanceOf(BatchUpdateException.class);
            s.execute("CREATE TABLE sentinel (a int)");
        }
        List<String> existing = new java.util.ArrayList<>();
        try (Connection raw = raw(); ResultSet rs = raw.getMetaData().getTables(null, "public", "g%", new String[]{"TABLE"})) {
            while (rs.next()) {
                existing.add("CREATE TABLE " + rs.getString("TABLE_NAME") + " (a int)");
            }
        }
        List<String> reported = statements(receiver.drain(1_000));
        assertThat(reported).endsWith("CREATE TABLE sentinel (a int)");
        assertThat(reported.subList(0, reported.size() - 1)).containsExactlyElementsOf(existing);
    }

    @Test
    void multiStatementStringsReportEachDdlStatement() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE m (id int); INSERT INTO m VALUES (1);\n"
                    + "/* index for lookups */ CREATE INDEX m_id ON m (id); SELECT 1");
        }
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        assertThat(statements(events)).containsExactly("CREATE TABLE m (id int)",
                "/* index for lookups */ CREATE INDEX m_id ON m (id)");
    }

    @Test
    void transactionalDdlIsReportedOnCommitAndForgottenOnRollback() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE rolled_back (a int)");
            c.rollback();
            s.execute("CREATE TABLE committed (a int)");
            assertThat(receiver.next(300)).as("nothing before commit").isNull();
            c.commit();
            s.execute("CREATE TABLE on_autocommit (a int)");
            c.setAutoCommit(true); // commits
            s.execute("CREATE TABLE never_committed_is_fine (a int)");
        }
        assertThat(statements(receiver.drain(1_000))).containsExactly("CREATE TABLE committed (a int)",
                "CREATE TABLE on_autocommit (a int)", "CREATE TABLE never_committed_is_fine (a int)");
    }

    @Test
    void blockGuardRefusesUnmarkedDdlAndLetsEverythingElseThrough() throws Exception {
        long refusedBefore = DriftdProxy.stats().refused;
        try (Connection c = connect("driftd.guard=block"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TABLE forbidden (a int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("driftd guard refused DDL")
                    .hasMessageContaining("/* driftd:allow */")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> c.prepareStatement("DROP TABLE anything")).hasMessageContaining("refused");
            assertThatThrownBy(() -> s.addBatch("ALTER TABLE x ADD y int")).hasMessageContaining("refused");
            assertThatThrownBy(() -> s.execute("SELECT 1; DROP TABLE x")).hasMessageContaining("refused");
            // queries and DML are never affected
            s.execute("SELECT 1");
            s.execute("CREATE TEMP TABLE tmp (a int)");
            s.executeUpdate("INSERT INTO tmp VALUES (1)");
            // the marker lets DDL through
            s.execute("/* driftd:allow JIRA-42 */ CREATE TABLE allowed (a int)");
        }
        try (Connection raw = raw(); ResultSet rs = raw.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables).containsExactly("allowed");
        }
        assertThat(DriftdProxy.stats().refused - refusedBefore).isEqualTo(4);
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e.text("statement")).isEqualTo("/* driftd:allow JIRA-42 */ CREATE TABLE allowed (a int)");
        assertThat(e.body().get("approved").asBoolean()).isTrue();
        assertThat(e.text("guard")).isEqualTo("block");
    }

    @Test
    void aConnectionWithGuardOffOverridesABlockingSystemProperty() throws Exception {
        System.setProperty("driftd.guard", "block");
        try {
            try (Connection blocked = DriverManager.getConnection(server.proxied(db, ""))) {
                assertThatThrownBy(() -> blocked.createStatement().execute("CREATE TABLE no (a int)"))
                        .hasMessageContaining("refused");
            }
            try (Connection c = connect("driftd.guard=off"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE migration_tool (a int)");
            }
        } finally {
            System.clearProperty("driftd.guard");
        }
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e.text("statement")).isEqualTo("CREATE TABLE migration_tool (a int)");
        assertThat(e.body().get("approved").asBoolean()).isTrue();
        assertThat(e.text("guard")).isEqualTo("off");
    }

    @Test
    void warnGuardMarksOnlyUnmarkedDdlUnapproved() throws Exception {
        try (Connection c = connect("driftd.guard=warn"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE w1 (a int)");
            s.execute("CREATE TABLE w2 (a int) /* driftd:allow */");
        }
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        assertThat(events).extracting(e -> e.body().get("approved").asBoolean()).containsExactly(false, true);
    }

    @Test
    void plainJdbcMigrationsRunUnchanged() throws Exception {
        String[] scripts = {
                "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n"
                        + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers(id));",
                "ALTER TABLE orders ADD COLUMN total numeric(10,2) DEFAULT 0;\n"
                        + "CREATE INDEX orders_customer ON orders (customer_id);\n"
                        + "COMMENT ON TABLE orders IS 'one row per order; see docs';",
                "CREATE FUNCTION order_count(c bigint) RETURNS bigint LANGUAGE plpgsql AS $$\n"
                        + "BEGIN RETURN (SELECT count(*) FROM orders WHERE customer_id = c); END; $$;\n"
                        + "CREATE VIEW big_customers AS SELECT c.* FROM customers c WHERE order_count(c.id) > 10;",
                "INSERT INTO customers (name) VALUES ('ann');"
        };
        try (Connection c = connect("driftd.guard=off"); Statement s = c.createStatement()) {
            for (String script : scripts) {
                s.execute(script);
            }
        }
        try (Connection raw = raw(); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT order_count(1), (SELECT count(*) FROM big_customers),"
                     + " obj_description('orders'::regclass), (SELECT count(*) FROM customers)")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
            assertThat(rs.getString(3)).isEqualTo("one row per order; see docs");
            assertThat(rs.getLong(4)).isEqualTo(1);
        }
        assertThat(receiver.drain(1_000)).extracting(e -> e.text("command"))
                .containsExactly("CREATE", "CREATE", "ALTER", "CREATE", "COMMENT", "CREATE", "CREATE");
    }

    @Test
    void wrappersLeadBackToTheProxyAndImplementTheVendorInterfaces() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
            // the proxy implements PGConnection itself (so its statements stay guarded, see BypassTest)
            assertThat(c.unwrap(PGConnection.class)).isSameAs(c);
            assertThat(c.unwrap(PGConnection.class).getBackendPID()).isPositive();
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            assertThat(s.getConnection()).isSameAs(c);
            assertThat(ps.getConnection()).isSameAs(c);
            DatabaseMetaData md = c.getMetaData();
            assertThat(md.getConnection()).isSameAs(c);
            assertThat(md.getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(s.unwrap(Statement.class)).isSameAs(s);
            assertThat(s.isWrapperFor(org.postgresql.PGStatement.class)).isTrue();
            assertThat(c).isEqualTo(c).isNotEqualTo(s);
            assertThat(c.toString()).startsWith("driftd-proxy[");
        }
    }

    @Test
    void theRealDriverNeverSeesDriftdParameters() throws Exception {
        // pgjdbc rejects nothing, but it would echo unknown parameters into getURL(); the proxy strips them
        try (Connection c = connect("driftd.guard=warn")) {
            assertThat(c.getMetaData().getURL()).doesNotContain("driftd");
        }
    }

    @Test
    void badSettingsFailTheConnectWithAOneLineReason() {
        assertThatThrownBy(() -> DriverManager.getConnection(server.proxied(db, "driftd.guard=strict")))
                .isInstanceOf(SQLException.class)
                .hasMessage("driftd proxy: driftd.guard must be off, warn or block, got 'strict'");
    }
}
