package dev.driftd.dialect.mysql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Objects that need each other, built from empty and wiped to empty on the MySQL-family server:
 * views over views (in an order that name order gets wrong), triggers and routines that name
 * tables, foreign keys across tables in a chain and in a cycle. Both directions must converge to
 * golden's fingerprint and golden's mysqldump, through JDBC and through the mysql client.
 */
class MysqlDependencyOrderTest {
    /** Parameter types in lower case: the server's own spelling, which routine re-creation keeps (issue 13 item 5). */
    static final String CHAIN = """
            CREATE TABLE z_parent (id INT PRIMARY KEY, peer INT, KEY (peer));
            CREATE TABLE a_child (id INT PRIMARY KEY, parent_id INT, KEY (parent_id),
              CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES z_parent (id));
            CREATE TABLE m_peer (id INT PRIMARY KEY, parent_id INT, KEY (parent_id),
              CONSTRAINT peer_parent FOREIGN KEY (parent_id) REFERENCES z_parent (id));
            ALTER TABLE z_parent ADD CONSTRAINT parent_peer FOREIGN KEY (peer) REFERENCES m_peer (id);
            CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(20));
            CREATE VIEW z_base AS SELECT id, parent_id FROM a_child;
            CREATE VIEW m_mid AS SELECT b.id, p.peer FROM z_base b JOIN z_parent p ON p.id = b.parent_id;
            CREATE VIEW a_top AS SELECT id FROM m_mid WHERE peer IS NOT NULL;
            CREATE FUNCTION children() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM a_top);
            CREATE PROCEDURE log_it(IN w varchar(20)) MODIFIES SQL DATA INSERT INTO audit (what) VALUES (w);
            CREATE TRIGGER child_ins AFTER INSERT ON a_child FOR EACH ROW INSERT INTO audit (what) VALUES ('child');
            """;

    private static ScenarioHarness harness;

    @BeforeAll
    static void server() {
        ScenarioServer server = ScenarioServer.project();
        assumeTrue(server != null, "no MySQL-family server for tests");
        harness = new ScenarioHarness(server);
    }

    @AfterAll
    static void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest(name = "build from empty, through the client: {0}")
    @ValueSource(booleans = {false, true})
    void buildsFromEmpty(boolean throughClient) {
        harness.run(DriftScenario.inJava("deps_build_" + throughClient, List.of(CHAIN), List.of(), false,
                "missing function children", "missing procedure log_it", "missing table a_child",
                "missing table audit", "missing table m_peer", "missing table z_parent", "missing view a_top",
                "missing view m_mid", "missing view z_base"), throughClient);
    }

    @ParameterizedTest(name = "wipe to empty, through the client: {0}")
    @ValueSource(booleans = {false, true})
    void wipesToEmpty(boolean throughClient) {
        harness.run(DriftScenario.inJava("deps_wipe_" + throughClient, List.of(), List.of(CHAIN), true,
                "extra function children", "extra procedure log_it", "extra table a_child",
                "extra table audit", "extra table m_peer", "extra table z_parent", "extra view a_top",
                "extra view m_mid", "extra view z_base"), throughClient);
    }
}
