package dev.driftd.cli;

import dev.driftd.dialect.mysql.MysqlDialect;
import dev.driftd.dialect.postgres.PostgresDialect;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Flavor;
import dev.driftd.selfcheck.KindCase;
import dev.driftd.selfcheck.KindCases;
import dev.driftd.selfcheck.TestDialects;
import dev.driftd.testing.RequiredServers;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code driftd selfcheck} on the real local servers: every kind of the dialect's case file passes
 * on PostgreSQL and on MariaDB/MySQL, the scratch databases are gone afterwards, and a deliberately
 * broken normalizer fails exactly its kind's row with exit 1.
 */
class SelfcheckCommandTest {
    private static final Pattern SCRATCH = Pattern.compile("scratch databases (\\S+), (\\S+) dropped");

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyPostgresKindPassesAndTheScratchDatabasesAreDropped() throws SQLException {
        checkEveryKindPasses(TestDatabases.postgres(), "postgres");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMysqlFamilyKindPassesAndTheScratchDatabasesAreDropped() throws SQLException {
        checkEveryKindPasses(TestDatabases.mysql(), "mysql");
    }

    private void checkEveryKindPasses(TestServer server, String dialect) throws SQLException {
        RequiredServers.assumeAvailable(server != null, "no " + dialect + " server");
        try (TestDatabase connectTo = server.createDatabase("s16_sc")) {
            Result r = run("selfcheck", "--url", connectTo.url());
            assertThat(r.err().lines().toList()).as("standard error").hasSize(1)
                    .allMatch(l -> l.startsWith("driftd: self-check in scratch databases driftd_selfcheck_"));
            assertThat(r.code()).as("exit code; output:%n%s", r.out()).isZero();
            String flavor = flavorOf(r.out());
            List<String> expected = new ArrayList<>();
            for (KindCase c : KindCases.forDialect(dialect)) {
                if (c.runsOn(flavor)) {
                    expected.add(c.kind());
                }
            }
            assertThat(expected).hasSizeGreaterThan(dialect.equals("postgres") ? 20 : 10);
            for (String kind : expected) {
                assertThat(r.out()).as("row of %s", kind).containsPattern("(?m)^" + Pattern.quote(kind) + " +pass$");
            }
            assertThat(r.out()).doesNotContain("FAIL  ");
            assertThat(r.out()).contains(expected.size() + " kinds on " + flavor);
            assertScratchGone(server, connectTo, r.out());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aBrokenCheckNormalizerFailsTheCheckConstraintRowOnly() throws SQLException {
        TestServer server = TestDatabases.mysql();
        RequiredServers.assumeAvailable(server != null, "no MySQL-family server");
        try (TestDatabase connectTo = server.createDatabase("s16_sc")) {
            SelfcheckCommand command = new SelfcheckCommand();
            command.engine = new Engine(List.of(new PostgresDialect(), TestDialects.brokenChecks(new MysqlDialect())));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            picocli.CommandLine cli = new picocli.CommandLine(command);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            cli.setExecutionExceptionHandler(new OneLineErrors());
            int code = cli.execute("--url", connectTo.url());
            String text = out.toString();
            assertThat(code).as("exit code; output:%n%s%nerr:%n%s", text, err).isEqualTo(Main.DRIFT);
            List<String> failing = text.lines().filter(l -> l.contains(" FAIL  ")).toList();
            assertThat(failing).as("failing rows in%n%s", text).hasSize(1);
            assertThat(failing.get(0)).startsWith("check constraint ").contains("did not converge");
            assertThat(text).containsPattern("(?m)^index +pass$").containsPattern("(?m)^table +pass$");
            assertScratchGone(server, connectTo, text);
        }
    }

    /** SIGTERM (what Ctrl-C and systemd send, same shutdown path) mid-run: the scratch databases are dropped. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void anInterruptedRunDropsItsScratchDatabases() throws Exception {
        TestServer server = TestDatabases.postgres();
        try (TestDatabase connectTo = server.createDatabase("s16_sc")) {
            java.nio.file.Path errFile = java.nio.file.Files.createTempFile("s16_selfcheck", ".err");
            Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "selfcheck", "--url", connectTo.url())
                    .redirectError(errFile.toFile()).start();
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && !line.matches(".* +(pass|FAIL .*)$"));
                assertThat(line).as("a first result row").isNotNull();
                p.destroy();
                assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("exits after SIGTERM").isTrue();
            } finally {
                p.destroyForcibly();
            }
            String err = java.nio.file.Files.readString(errFile);
            java.nio.file.Files.delete(errFile);
            Matcher m = Pattern.compile("scratch databases (\\S+) and (\\S+) on").matcher(err);
            assertThat(m.find()).as("scratch names in%n%s", err).isTrue();
            try (Connection c = connectTo.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname IN ('"
                         + m.group(1) + "', '" + m.group(2) + "')")) {
                assertThat(rs.next()).as("a scratch database left behind after SIGTERM").isFalse();
            }
        }
    }

    @Test
    void withoutUrlIsAUsageError() {
        Result r = run("selfcheck");
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.err()).contains("--url");
    }

    @Test
    void anUnreachableServerIsOneLineWithoutThePassword() {
        Result r = run("selfcheck", "--url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=s16hunter2",
                "--timeout", "5s");
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("driftd: ").doesNotContain("s16hunter2");
    }

    private static String flavorOf(String out) {
        Matcher m = Pattern.compile("kinds on (postgres|mysql|mariadb) ").matcher(out);
        assertThat(m.find()).as("summary line in%n%s", out).isTrue();
        return m.group(1);
    }

    private static void assertScratchGone(TestServer server, TestDatabase connectTo, String out) throws SQLException {
        Matcher m = SCRATCH.matcher(out);
        assertThat(m.find()).as("scratch names in%n%s", out).isTrue();
        String sql = server.family() == Flavor.POSTGRES
                ? "SELECT datname FROM pg_database WHERE datname IN ('" + m.group(1) + "', '" + m.group(2) + "')"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('" + m.group(1) + "', '"
                + m.group(2) + "')";
        try (Connection c = connectTo.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a scratch database is left behind").isFalse();
        }
    }
}
