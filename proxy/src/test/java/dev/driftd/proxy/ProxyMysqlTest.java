package dev.driftd.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The proxy in front of a real MariaDB/MySQL (through Connector/J). */
class ProxyMysqlTest {
    private TestServers.Server server;
    private String db;
    private DdlReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.mysql();
        assumeTrue(server != null, "no MySQL/MariaDB: set DRIFTD_TEST_MYSQL_URL or start one on 127.0.0.1:3306");
        db = server.createDatabase("proxy_my");
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
        return DriverManager.getConnection(server.proxied(db, "allowMultiQueries=true&driftd.endpoint="
                + receiver.endpoint() + (extra.isEmpty() ? "" : "&" + extra)));
    }

    private static List<String> statements(List<DdlReceiver.Received> events) {
        return events.stream().map(e -> e.text("statement")).collect(Collectors.toList());
    }

    @Test
    void ddlArrivesWithMysqlAttribution() throws Exception {
        try (Connection c = connect("driftd.application=shop"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id int primary key) ENGINE=InnoDB");
            DdlReceiver.Received e = receiver.next(2_000);
            assertThat(e).isNotNull();
            assertThat(e.text("statement")).isEqualTo("CREATE TABLE items (id int primary key) ENGINE=InnoDB");
            assertThat(e.text("flavor")).isEqualTo("mysql");
            assertThat(e.text("database")).isEqualTo(db);
            assertThat(e.body().get("serverPort").asInt()).isEqualTo(3306);
            assertThat(e.text("user")).startsWith("root@");
            assertThat(e.text("application")).isEqualTo("shop");
        }
    }

    @Test
    void databaseFollowsUse() throws Exception {
        String other = server.createDatabase("proxy_my_other");
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("USE " + other);
            s.execute("CREATE TABLE t (a int)");
            assertThat(receiver.next(2_000).text("database")).isEqualTo(other);
        } finally {
            server.dropDatabase(other);
        }
    }

    @Test
    void multiStatementStringsWithRoutineBodiesAndComments() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id int); # a comment; DROP TABLE nothing\n"
                    + "INSERT INTO a VALUES (1);\n"
                    + "CREATE PROCEDURE p() BEGIN\n  IF 1 = 1 THEN SELECT 1; END IF;\n  SELECT * FROM a;\nEND;\n"
                    + "ALTER TABLE a ADD COLUMN `b;c` int");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '"
                    + db + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        List<String> got = statements(receiver.drain(1_000));
        assertThat(got).hasSize(3);
        assertThat(got.get(0)).isEqualTo("CREATE TABLE a (id int)");
        assertThat(got.get(1)).startsWith("CREATE PROCEDURE p() BEGIN").endsWith("END");
        assertThat(got.get(2)).isEqualTo("ALTER TABLE a ADD COLUMN `b;c` int");
    }

    @Test
    void preparedCallableAndBatches() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE p (a int)")) {
                ps.execute();
            }
            s.addBatch("INSERT INTO p VALUES (1)");
            s.addBatch("ALTER TABLE p ADD COLUMN b int");
            s.addBatch("CREATE INDEX p_a ON p (a)");
            s.executeBatch();
            s.execute("CREATE PROCEDURE noop() SELECT 1");
            try (CallableStatement cs = c.prepareCall("{call noop()}")) {
                cs.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM p WHERE a = ?")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            }
        }
        assertThat(statements(receiver.drain(1_000))).containsExactly("CREATE TABLE p (a int)",
                "ALTER TABLE p ADD COLUMN b int", "CREATE INDEX p_a ON p (a)", "CREATE PROCEDURE noop() SELECT 1");
    }

    @Test
    void blockGuardRefusesAndMarkerAllows() throws Exception {
        try (Connection c = connect("driftd.guard=block"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("RENAME TABLE x TO y"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.execute("SELECT 1; TRUNCATE TABLE x")).hasMessageContaining("refused");
            s.execute("CREATE TEMPORARY TABLE tmp (a int)");
            s.execute("INSERT INTO tmp VALUES (1)");
            s.execute("DROP TEMPORARY TABLE tmp");
            s.execute("-- driftd:allow hotfix\nCREATE TABLE allowed (a int)");
        }
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e.text("statement")).isEqualTo("-- driftd:allow hotfix\nCREATE TABLE allowed (a int)");
        assertThat(e.body().get("approved").asBoolean()).isTrue();
        assertThat(receiver.next(300)).isNull();
    }
}
