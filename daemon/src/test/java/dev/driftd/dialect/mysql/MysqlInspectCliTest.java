package dev.driftd.dialect.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.cli.Main;
import dev.driftd.schema.Canonical;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code driftd snapshot} and {@code driftd diff} on MySQL-family URLs, and their one-line errors. */
class MysqlInspectCliTest {
    private static TestServer server;
    private static TestDatabase db;

    @BeforeAll
    static void setUp() {
        server = TestDatabases.mysql();
        assumeTrue(server != null, "no MySQL-family server");
        db = server.createDatabase("cli");
        db.execute("CREATE TABLE t (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT '')",
                "CREATE VIEW v AS SELECT id FROM t");
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void snapshotPrintsCanonicalJson() throws Exception {
        Run r = run("snapshot", "--url", db.url());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Canonical.MAPPER.readTree(r.out());
        assertThat(json.get("flavor").asText()).isIn("MARIADB", "MYSQL");
        assertThat(json.get("fingerprint").asText()).hasSize(64);
        assertThat(json.get("scope").get("database").asText()).isEqualTo(db.name());
        assertThat(r.out()).contains("\"name\" : \"t\"").contains("\"type\" : \"view\"").doesNotContain(db.name() + "`.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void snapshotToAFileAndMariadbUrl(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("snap.json");
        String url = db.url().replace("jdbc:mysql:", "jdbc:mariadb:");
        Run r = run("snapshot", "--url", url, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("fingerprint").contains(out.toString());
        assertThat(Canonical.MAPPER.readTree(Files.readString(out)).get("objects").size()).isGreaterThan(3);
    }

    @Test
    void diffOfADatabaseWithItselfIsInSync() {
        Run r = run("diff", "--golden", db.url(), "--target", db.url().replace("jdbc:mysql:", "jdbc:mariadb:"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("in sync");
    }

    @Test
    void missingDatabaseIsOneLineAndExitTwo() {
        String url = db.url().replace("/" + db.name() + "?", "/no_such_db_42?");
        Run r = run("snapshot", "--url", url);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("database 'no_such_db_42' does not exist");
    }

    @Test
    void noDatabaseInTheUrlIsOneLineAndExitTwo() {
        String url = db.url().replace("/" + db.name() + "?", "/?");
        Run r = run("snapshot", "--url", url);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no database in");
    }

    @Test
    void unreachablePortIsOneLineAndExitTwo() {
        Run r = run("snapshot", "--url", "jdbc:mysql://127.0.0.1:1/app?user=root", "--timeout", "3s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("driftd: cannot read jdbc:mysql://127.0.0.1:1/app")
                .containsIgnoringCase("communications link failure");
    }

    @Test
    void badUserIsOneLineWithoutThePassword() {
        String url = db.url().replaceFirst("user=[^&]*", "user=driftd_nobody&password=s3cret-pw");
        Run r = run("snapshot", "--url", url);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("Access denied for user 'driftd_nobody'")
                .doesNotContain("s3cret-pw");
    }
}
