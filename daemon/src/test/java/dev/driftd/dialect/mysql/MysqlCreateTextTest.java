package dev.driftd.dialect.mysql;

import dev.driftd.diff.Differ;
import dev.driftd.dialect.DbTarget;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Canonical;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Routines and triggers are re-created from golden's own SHOW CREATE text (DEFINER aside), so an
 * empty target built from the plan dumps (mysqldump --no-data --routines --triggers) exactly as
 * golden does, upper-case type names, odd spacing and lower-case keywords included; the compared
 * definition stays normalized, so a member whose routine differs only in type-name case is no drift.
 */
class MysqlCreateTextTest {
    private static final Pattern DEFINER = Pattern.compile("\\s*DEFINER=`[^`]*`@`[^`]*`");

    private static ScenarioServer server;
    private static final List<String> created = new ArrayList<>();

    private static final List<String> GOLDEN = List.of(
            "CREATE TABLE modules (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, module VARCHAR(100) NOT NULL)",
            "CREATE PROCEDURE getModulesIdByName(IN input_val VARCHAR(100),   OUT myid BIGINT)\n"
                    + "BEGIN\n  SELECT id INTO myid FROM modules WHERE module = input_val;\nEND",
            "CREATE FUNCTION   twice ( x  DECIMAL(10,2) ) RETURNS DECIMAL(12,2)\n    DETERMINISTIC\n"
                    + "    COMMENT 'doubles'\nRETURN x * 2",
            "create trigger modules_bi before insert on modules\nfor each row\n  set NEW.module = trim(NEW.module)",
            "CREATE VIEW   module_names AS select   module AS name from modules");

    @BeforeAll
    static void server() {
        server = ScenarioServer.project();
        dev.driftd.testing.RequiredServers.assumeAvailable(server != null && server.clients(),
                "no MySQL-family server with mysqldump for tests");
    }

    @AfterAll
    static void drop() {
        for (String db : created) {
            server.drop(db);
        }
    }

    private static String database(String prefix) {
        String db = server.createDatabase(prefix);
        created.add(db);
        return db;
    }

    @Test
    void emptyTargetBuiltFromThePlanDumpsLikeGolden() throws Exception {
        String golden = database("ct_g");
        server.execute(golden, GOLDEN);
        String target = database("ct_t");
        Engine engine = new Engine();
        Snapshot goldenSnapshot = engine.snapshot(DbTarget.of(server.url(golden)), InspectOptions.DEFAULT);
        // the source text survives the snapshot's JSON (stored and served snapshots plan the same)
        StringWriter json = new StringWriter();
        goldenSnapshot.writeJson(json);
        Snapshot stored = Canonical.MAPPER.readValue(json.toString(), Snapshot.class);
        assertThat(stored.fingerprint()).isEqualTo(goldenSnapshot.fingerprint());
        Snapshot empty = engine.snapshot(DbTarget.of(server.url(target)), InspectOptions.DEFAULT);
        Plan plan = ScenarioHarness.plan(stored, empty);
        String script = SqlScript.render(plan, true);
        engine.apply(DbTarget.of(server.url(target)), plan, true, InspectOptions.DEFAULT);

        Snapshot after = engine.snapshot(DbTarget.of(server.url(target)), InspectOptions.DEFAULT);
        assertThat(after.fingerprint()).as("%s", Differ.describe(Differ.compare(goldenSnapshot, after)))
                .isEqualTo(goldenSnapshot.fingerprint());
        assertThat(ScenarioHarness.lineDifference(strictDump(golden), strictDump(target)))
                .as("mysqldump of golden (-) and of the target (+); plan:\n%s", script).isEmpty();
        assertThat(script).contains("VARCHAR(100),   OUT myid BIGINT").doesNotContain("DEFINER");
    }

    @Test
    void typeNameCaseAloneIsNoDrift() {
        String golden = database("ct_g");
        server.execute(golden, GOLDEN);
        String target = database("ct_t");
        List<String> lower = new ArrayList<>(GOLDEN);
        lower.set(1, "CREATE PROCEDURE getModulesIdByName(IN input_val varchar(100), OUT myid bigint)\n"
                + "BEGIN\n  SELECT id INTO myid FROM modules WHERE module = input_val;\nEND");
        server.execute(target, lower);
        Engine engine = new Engine();
        Snapshot g = engine.snapshot(DbTarget.of(server.url(golden)), InspectOptions.DEFAULT);
        Snapshot t = engine.snapshot(DbTarget.of(server.url(target)), InspectOptions.DEFAULT);
        Routine gr = g.objects().stream().filter(o -> o instanceof Routine).map(o -> (Routine) o)
                .filter(r -> r.procedure()).findFirst().orElseThrow();
        assertThat(gr.source()).startsWith("CREATE PROCEDURE `getModulesIdByName`(IN input_val VARCHAR(100)");
        Trigger tr = g.objects().stream().filter(o -> o instanceof Trigger).map(o -> (Trigger) o).findFirst().orElseThrow();
        assertThat(tr.source()).startsWith("CREATE trigger modules_bi before insert on modules");
        assertThat(Differ.compare(g, t).changes()).isEmpty();
        assertThat(t.fingerprint()).isEqualTo(g.fingerprint());
    }

    /** sakila (get_customer_balance says INT, DATETIME, DECIMAL(5,2); its triggers are written by hand) built from empty. */
    @Test
    void sakilaBuiltFromEmptyDumpsLikeGolden() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("/work/shared/corpus/schemas/mysql/sakila.sql");
        assumeTrue(java.nio.file.Files.isRegularFile(file), "no sakila.sql in the corpus");
        String golden = database("ct_g");
        // its view actor_info names sakila.* explicitly: load it into this database instead
        String text = java.nio.file.Files.readString(file).replace("sakila.", "");
        List<String> statements = dev.driftd.sql.StatementSplitter.texts(text, dev.driftd.sql.StatementSplitter.Syntax.MYSQL)
                .stream().filter(st -> !st.matches("(?is)\\s*(CREATE\\s+(DATABASE|SCHEMA)|USE)\\b.*")).toList();
        server.execute(golden, statements);
        String target = database("ct_t");
        Engine engine = new Engine();
        Snapshot g = engine.snapshot(DbTarget.of(server.url(golden)), InspectOptions.DEFAULT);
        Snapshot empty = engine.snapshot(DbTarget.of(server.url(target)), InspectOptions.DEFAULT);
        Plan plan = ScenarioHarness.plan(g, empty);
        engine.apply(DbTarget.of(server.url(target)), plan, true, InspectOptions.DEFAULT);
        Snapshot after = engine.snapshot(DbTarget.of(server.url(target)), InspectOptions.DEFAULT);
        assertThat(after.fingerprint()).isEqualTo(g.fingerprint());
        List<String> routineLines = ScenarioHarness.lineDifference(strictDump(golden), strictDump(target)).stream()
                .filter(l -> l.contains("PROCEDURE") || l.contains("FUNCTION") || l.contains("TRIGGER")
                        || l.contains("trigger")).toList();
        assertThat(routineLines).isEmpty();
    }

    /**
     * Golden loaded by the mysql client stores the client's character set settings with each view,
     * trigger, routine and event (utf8mb3 by default here; latin1 also changes collation_connection),
     * while driftd's JDBC session is utf8mb4. The plan re-creates each under golden's settings, applied
     * by driftd and as a rendered script piped to the mysql client (whose own settings differ again):
     * both targets dump byte for byte like golden, the SET character_set_client lines included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"utf8mb3", "latin1"})
    void objectsAreReCreatedUnderGoldensClientCharacterSet(String clientCharset) throws Exception {
        String golden = database("m13_g");
        String script = String.join("\n", GOLDEN.subList(0, 1)) + ";\nDELIMITER ;;\n"
                + String.join(";;\n", GOLDEN.subList(1, 4)) + ";;\n"
                + "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 00:00:00' DISABLE\n"
                + "DO DELETE FROM modules WHERE module = ''\n;;\nDELIMITER ;\n" + GOLDEN.get(4) + ";\n";
        mysqlClient(golden, clientCharset, script);
        Engine engine = new Engine();
        Snapshot g = engine.snapshot(DbTarget.of(server.url(golden)), InspectOptions.DEFAULT);
        // the settings are read, survive the stored JSON, and stay out of the fingerprint
        Routine proc = g.objects().stream().filter(o -> o instanceof Routine r && r.procedure())
                .map(o -> (Routine) o).findFirst().orElseThrow();
        assertThat(proc.charset().client()).isEqualTo(clientCharset);
        assertThat(proc.charset().database()).isEqualTo("utf8mb4_general_ci");
        StringWriter json = new StringWriter();
        g.writeJson(json);
        Snapshot stored = Canonical.MAPPER.readValue(json.toString(), Snapshot.class);
        assertThat(stored.objects()).isEqualTo(g.objects());

        String viaDriftd = database("m13_t");
        Snapshot empty = engine.snapshot(DbTarget.of(server.url(viaDriftd)), InspectOptions.DEFAULT);
        Plan plan = ScenarioHarness.plan(stored, empty);
        String rendered = SqlScript.render(plan, true);
        assertThat(rendered).contains("character_set_client = " + clientCharset);
        engine.apply(DbTarget.of(server.url(viaDriftd)), plan, true, InspectOptions.DEFAULT);
        Snapshot after = engine.snapshot(DbTarget.of(server.url(viaDriftd)), InspectOptions.DEFAULT);
        assertThat(after.fingerprint()).isEqualTo(g.fingerprint());
        assertThat(Differ.compare(g, after).changes()).isEmpty();
        // the golden-equal snapshot of a member created from another client is still in sync
        String sameViaJdbc = database("m13_j");
        server.execute(sameViaJdbc, GOLDEN);
        server.execute(sameViaJdbc, List.of("CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 00:00:00' "
                + "DISABLE DO DELETE FROM modules WHERE module = ''"));
        Snapshot j = engine.snapshot(DbTarget.of(server.url(sameViaJdbc)), InspectOptions.DEFAULT);
        assertThat(Differ.compare(g, j).changes()).isEmpty();
        assertThat(j.fingerprint()).isEqualTo(g.fingerprint());

        String viaClient = database("m13_s");
        mysqlClient(viaClient, "utf8mb4", rendered);

        String goldenDump = strictDump(golden);
        assertThat(goldenDump).containsPattern("SET character_set_client +=  *" + clientCharset + " ");
        assertThat(strictDump(viaDriftd)).as("dump of the target driftd applied the plan to; plan:\n%s", rendered)
                .isEqualTo(goldenDump);
        assertThat(strictDump(viaClient)).as("dump of the target the mysql client ran the script on; plan:\n%s", rendered)
                .isEqualTo(goldenDump);
    }

    /** Runs a script with the mysql client under the given client character set; fails with its error output. */
    private static void mysqlClient(String database, String charset, String script) throws Exception {
        List<String> args = new ArrayList<>(List.of("mysql", "-h" + server.host(), "-P" + server.port(),
                "-u" + server.user(), "--default-character-set=" + charset, database));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        if (server.password() != null && !server.password().isEmpty()) {
            pb.environment().put("MYSQL_PWD", server.password());
        }
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("mysql client must not hang").isTrue();
        assertThat(p.exitValue()).as("mysql client on %s: %s\nscript:\n%s", database, output, script).isZero();
    }

    /** mysqldump as it is, but for the database name, DEFINER clauses and the dump's header/footer comments. */
    private static String strictDump(String database) throws Exception {
        List<String> args = new ArrayList<>(List.of("mysqldump", "-h" + server.host(), "-P" + server.port(),
                "-u" + server.user(), "--no-data", "--skip-comments", "--skip-dump-date", "--routines", "--triggers",
                "--events", database));
        ProcessBuilder pb = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (server.password() != null && !server.password().isEmpty()) {
            pb.environment().put("MYSQL_PWD", server.password());
        }
        Process p = pb.start();
        String raw = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = raw.replace(database, "DB");
        text = DEFINER.matcher(text).replaceAll("");
        return text.replaceAll(" AUTO_INCREMENT=\\d+", "");
    }
}
