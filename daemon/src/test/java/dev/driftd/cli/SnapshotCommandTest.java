package dev.driftd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Canonical;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftd snapshot} against a real PostgreSQL, and the one-line errors of the CLI. */
class SnapshotCommandTest {
    private static TestDatabase db;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    static void create() {
        db = TestDatabases.postgres().createDatabase("cli");
        db.execute("CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY, a text DEFAULT 'x')");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** The URL of a database on the test server with another user or database name. */
    private static String urlOf(String database, String user) {
        TestServer server = db.server();
        String url = server.url(database);
        return user == null ? url : url.replace("user=" + server.user(), "user=" + user);
    }

    @Test
    void snapshotPrintsCanonicalJsonWithTheFingerprint() throws Exception {
        Result r = run("snapshot", "--url", db.url());
        assertThat(r.code()).isEqualTo(Main.IN_SYNC);
        assertThat(r.err()).isEmpty();
        JsonNode json = Canonical.MAPPER.readTree(r.out());
        String expected = new Engine().snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
        assertThat(json.get("fingerprint").asText()).isEqualTo(expected).hasSize(64);
        assertThat(json.get("flavor").asText()).isEqualTo("POSTGRES");
        assertThat(json.get("scope").get("schemas").toString()).contains("app");
        assertThat(r.out()).contains("\"name\" : \"t\"");
    }

    @Test
    void theProcessStdoutWritesTheSameBytesAsAWriter(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"snapshot", "--url", db.url()}, new ByteSink(bytes),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isEqualTo(Main.IN_SYNC);
        Path file = dir.resolve("snap.json");
        assertThat(run("snapshot", "--url", db.url(), "--out", file.toString()).code()).isEqualTo(Main.IN_SYNC);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(run("snapshot", "--url", db.url()).out())
                .isEqualTo(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir").resolve("snap.json");
        Result r = run("snapshot", "--url", db.url(), "--out", missing.toString());
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.errLines()).containsExactly("driftd: cannot open " + missing + ": no such file or directory");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void snapshotOfOneSchemaIsScopeRelativeAndCanGoToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snap.json");
        Result r = run("snapshot", "--url", db.url(), "--schema", "app", "--out", file.toString());
        assertThat(r.code()).isEqualTo(Main.IN_SYNC);
        assertThat(r.out()).isEmpty();
        JsonNode json = Canonical.MAPPER.readTree(Files.readString(file));
        assertThat(json.get("scope").get("relative").asBoolean()).isTrue();
        assertThat(r.err()).contains(json.get("fingerprint").asText());
        for (JsonNode o : json.get("objects")) {
            assertThat(o.get("schema") == null ? "" : o.get("schema").asText()).isEmpty();
        }
    }

    private static void assertOneLineError(Result r, String... fragments) {
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("driftd: ").contains(fragments);
    }

    @Test
    void unreachableServer() {
        Result r = run("snapshot", "--url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres", "--timeout", "5s");
        assertOneLineError(r, "127.0.0.1:1", "refused");
    }

    @Test
    void unknownRoleWithAPasswordThatIsNeverShown() {
        // the local server trusts 127.0.0.1, so a wrong password cannot be provoked; a missing role can
        Result r = run("snapshot", "--url", urlOf(db.name(), "driftd_no_such_role") + "&password=s3cret-pw");
        assertOneLineError(r, "role \"driftd_no_such_role\" does not exist");
        assertThat(r.err()).doesNotContain("s3cret-pw");
        Result opt = run("snapshot", "--url", urlOf(db.name(), "driftd_no_such_role"), "--password", "s3cret-pw");
        assertOneLineError(opt, "driftd_no_such_role");
        assertThat(opt.err()).doesNotContain("s3cret-pw");
    }

    @Test
    void missingDatabase() {
        Result r = run("snapshot", "--url", urlOf("driftd_no_such_db", null));
        assertOneLineError(r, "database \"driftd_no_such_db\" does not exist");
    }

    @Test
    void missingSchema() {
        Result r = run("snapshot", "--url", db.url(), "--schema", "nope");
        assertOneLineError(r, "schema \"nope\" does not exist in database " + db.name());
    }

    @Test
    void unsupportedUrl() {
        Result r = run("snapshot", "--url", "jdbc:oracle:thin:@db:1521/x");
        assertOneLineError(r, "unsupported database URL", "jdbc:postgresql://");
    }

    @Test
    void badOptions() {
        assertOneLineError(run("snapshot", "--url", db.url(), "--bogus"), "Unknown option", "--bogus", "--help");
        assertOneLineError(run("snapshot"), "Missing required option", "--url");
        assertOneLineError(run("snapshot", "--url", db.url(), "--timeout", "forever"), "--timeout", "forever");
        assertOneLineError(run("frobnicate"), "frobnicate");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result r = run("snapshot", "--url", db.url(), "--schema", "nope", "--verbose");
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.errLines().get(0)).startsWith("driftd: ").contains("schema \"nope\" does not exist");
        assertThat(r.errLines().size()).isGreaterThan(3);
        assertThat(r.err()).contains("at dev.driftd.");
    }

    @Test
    void diffOfADatabaseWithItselfIsInSync() {
        Result r = run("diff", "--golden", db.url(), "--target", db.url());
        assertThat(r.code()).isEqualTo(Main.IN_SYNC);
        String fingerprint = new Engine().snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
        assertThat(r.out()).isEqualTo("in sync (fingerprint " + fingerprint + ")\n");
        assertThat(r.err()).isEmpty();
        // app has t; public has no table but the server's default USAGE for PUBLIC
        Result drift = run("diff", "--golden", db.url(), "--target", db.url(), "--golden-schema", "app",
                "--target-schema", "public");
        assertThat(drift.code()).isEqualTo(Main.DRIFT);
        assertThat(drift.out().lines().toList()).containsExactly(
                "missing table t (breaking)",
                "extra privilege schema  to PUBLIC (additive)",
                "2 drifted objects {BREAKING=1, DESTRUCTIVE=0, ADDITIVE=1, COSMETIC=0}");
        assertThat(drift.err()).isEmpty();
    }
}
