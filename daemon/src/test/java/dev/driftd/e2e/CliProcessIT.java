package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.http.OpenApiContract;
import dev.driftd.schema.Flavor;
import dev.driftd.testing.TempDirs;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped jar as a user runs it ({@code java -jar target/driftd.jar}, so this is a failsafe
 * test: it needs the package phase), on both servers: {@code diff} in its three formats with exit
 * codes and output shape, destructive statements commented out unless allowed, the script run by
 * the server's own client converging, {@code apply} declined at the prompt, and a member with a
 * real password through a running daemon, the secret searched for in its log, its answers, its
 * metrics and its store.
 */
class CliProcessIT {
    static final Path JAR = Path.of("target/driftd.jar");
    static final Duration MUST_NOT_HANG = Duration.ofSeconds(120);
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** {@code java -jar driftd.jar args}, {@code stdin} as its standard input (closed after). */
    static Run driftd(Path dir, String stdin, String... args) throws Exception {
        assertThat(JAR).as("the shaded jar (mvn package) must exist for this test").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(MUST_NOT_HANG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("driftd " + String.join(" ", args) + " did not end within " + MUST_NOT_HANG);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String tag() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static TestServer server(String kind) {
        return kind.equals("postgres") ? TestDatabases.postgres() : TestDatabases.mysql();
    }

    // golden has t.b and index t_a; the target has t.extra and a table junk instead
    private static String[] goldenSchema(String kind) {
        return kind.equals("postgres")
                ? new String[]{"CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL, b int)", "CREATE INDEX t_a ON t (a)"}
                : new String[]{"CREATE TABLE t (id int PRIMARY KEY, a varchar(20) NOT NULL, b int, KEY t_a (a))"};
    }

    private static String[] targetSchema(String kind) {
        return kind.equals("postgres")
                ? new String[]{"CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL, extra int)", "CREATE TABLE junk (x int)"}
                : new String[]{"CREATE TABLE t (id int PRIMARY KEY, a varchar(20) NOT NULL, extra int)",
                        "CREATE TABLE junk (x int)"};
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void diffFormatsExitCodesAndDestructiveStatements(String kind) throws Exception {
        TestServer server = server(kind);
        Path dir = Files.createTempDirectory("t21a-cli-");
        try (TestDatabase golden = server.createDatabase("t21a_cli_g").execute(goldenSchema(kind));
             TestDatabase target = server.createDatabase("t21a_cli_t").execute(targetSchema(kind))) {
            String q = kind.equals("postgres") ? "public." : "";
            String goldenFp = fingerprintOf(dir, golden);
            String targetFp = fingerprintOf(dir, target);
            assertThat(goldenFp).isNotEqualTo(targetFp);

            // text: one line per drifted object, then the counts; exit 1
            Run text = driftd(dir, null, "diff", "--golden", golden.url(), "--target", target.url());
            assertThat(text.code()).as(text.err()).isEqualTo(1);
            assertThat(text.err()).isEmpty();
            List<String> lines = text.outLines();
            assertThat(lines.subList(0, lines.size() - 1)).containsExactlyInAnyOrder(
                    "extra table " + q + "junk (destructive)",
                    "missing column " + q + "t.b (breaking)",
                    "extra column " + q + "t.extra (destructive)",
                    "missing index " + q + "t.t_a (breaking)");
            assertThat(lines.get(lines.size() - 1))
                    .isEqualTo("4 drifted objects {BREAKING=2, DESTRUCTIVE=2, ADDITIVE=0, COSMETIC=0}");

            // json: the same changes, both fingerprints as driftd snapshot prints them, the plan
            Run json = driftd(dir, null, "diff", "--golden", golden.url(), "--target", target.url(), "--format", "json");
            assertThat(json.code()).as(json.err()).isEqualTo(1);
            JsonNode d = JSON.readTree(json.out());
            assertThat(d.path("inSync").asBoolean(true)).isFalse();
            assertThat(d.path("goldenFingerprint").asText()).isEqualTo(goldenFp);
            assertThat(d.path("targetFingerprint").asText()).isEqualTo(targetFp);
            assertThat(d.path("counts").path("DESTRUCTIVE").asInt()).isEqualTo(2);
            List<String> changes = new ArrayList<>();
            d.path("changes").forEach(c -> changes.add(c.path("type").asText() + " " + c.path("kind").asText() + " "
                    + c.path("object").asText()));
            assertThat(changes).containsExactlyInAnyOrder("EXTRA TABLE " + q + "junk", "MISSING COLUMN " + q + "t.b",
                    "EXTRA COLUMN " + q + "t.extra", "MISSING INDEX " + q + "t.t_a");
            List<String> destructive = new ArrayList<>();
            List<String> safe = new ArrayList<>();
            d.path("plan").path("statements").forEach(s -> (s.path("destructive").asBoolean() ? destructive : safe)
                    .add(s.path("sql").asText()));
            assertThat(destructive).hasSize(2).allSatisfy(s -> assertThat(s).containsAnyOf("DROP TABLE", "DROP COLUMN"));
            assertThat(String.join("\n", destructive)).contains("junk").contains("extra");
            assertThat(safe).isNotEmpty().noneMatch(s -> s.contains("DROP"));

            // sql: destructive statements commented out, the rest runnable
            Run sql = driftd(dir, null, "diff", "--golden", golden.url(), "--target", target.url(), "--format", "sql");
            assertThat(sql.code()).as(sql.err()).isEqualTo(1);
            assertThat(sql.out()).contains("-- target fingerprint: " + targetFp, "-- golden fingerprint: " + goldenFp,
                    "destructive statements are commented out");
            for (String s : destructive) {
                assertThat(sql.out()).as(s).contains(commented(s));
                assertThat(runnable(sql.out())).as(s).doesNotContain(s);
            }
            for (String s : safe) {
                assertThat(runnable(sql.out())).as(s).contains(s + ";");
            }
            // --allow-destructive: every statement uncommented
            Run all = driftd(dir, null, "diff", "--golden", golden.url(), "--target", target.url(), "--format", "sql",
                    "--allow-destructive");
            assertThat(all.code()).as(all.err()).isEqualTo(1);
            assertThat(all.out()).doesNotContain("skipped, destructive").doesNotContain("commented out");
            for (String s : Stream.concat(destructive.stream(), safe.stream()).toList()) {
                assertThat(runnable(all.out())).as(s).contains(s + ";");
            }

            // apply, declined at the prompt: nothing changes
            Run declined = driftd(dir, "n\n", "apply", "--golden", golden.url(), "--target", target.url());
            assertThat(declined.code()).isEqualTo(1);
            assertThat(declined.err()).contains("Apply " + safe.size() + " statements to ", "? [y/N] ")
                    .endsWith("driftd: not applied\n");
            assertThat(fingerprintOf(dir, target)).as("declined: the target is as it was").isEqualTo(targetFp);

            // the allowed script, run by the server's own client, makes the target golden
            Path script = dir.resolve("plan.sql");
            Files.writeString(script, all.out());
            runClient(server, target, script);
            Run after = driftd(dir, null, "diff", "--golden", golden.url(), "--target", target.url());
            assertThat(after.code()).as(after.out() + after.err()).isEqualTo(0);
            assertThat(after.out()).isEqualTo("in sync (fingerprint " + goldenFp + ")\n");
            Run none = driftd(dir, null, "diff", "--golden", golden.url(), "--target", target.url(), "--format", "sql");
            assertThat(none.code()).isEqualTo(0);
            assertThat(none.out()).contains("-- nothing to do: the target matches golden");

            // an error: exit 2 and one line naming what failed
            String missing = server.url(golden.name() + "_nope");
            Run error = driftd(dir, null, "diff", "--golden", golden.url(), "--target", missing);
            assertThat(error.code()).isEqualTo(2);
            assertThat(error.out()).isEmpty();
            assertThat(error.err().lines().toList()).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("driftd: ").contains(golden.name() + "_nope"));
        } finally {
            TempDirs.delete(dir);
        }
    }

    /**
     * Members with real passwords (a PostgreSQL role and a MariaDB user created with one; MariaDB
     * checks it, this PostgreSQL trusts local connections) through a running {@code driftd run}
     * and through the CLI: the members are read, a wrong password is reported as such, and no
     * secret appears in the process output, any API answer, the metrics or the store.
     */
    @org.junit.jupiter.api.Test
    void membersWithRealPasswordsNeverShowTheSecret() throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer my = TestDatabases.mysql();
        String tag = tag();
        String user = "t21a_pw_" + tag;
        String pgSecret = "t21aPgPw" + tag() + tag();
        String mySecret = "t21aMyPw" + tag() + tag();
        String wrongSecret = "t21aWrong" + tag() + tag();
        String token = "t21a-admin-" + tag() + tag();
        List<String> secrets = List.of(pgSecret, mySecret, wrongSecret, token);
        Path dir = Files.createTempDirectory("t21a-pw-");
        Process daemon = null;
        try (TestDatabase pgGolden = pg.createDatabase("t21a_pw_g").execute(goldenSchema("postgres"));
             TestDatabase pgMember = pg.createDatabase("t21a_pw_m").execute(goldenSchema("postgres"));
             TestDatabase myGolden = my.createDatabase("t21a_pw_g").execute(goldenSchema("mysql"));
             TestDatabase myMember = my.createDatabase("t21a_pw_m").execute(goldenSchema("mysql"));
             TestDatabase store = pg.createDatabase("t21a_pw_store")) {
            pg.executeAdmin("CREATE ROLE " + user + " LOGIN PASSWORD '" + pgSecret + "'");
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                my.executeAdmin("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + mySecret + "'");
                my.executeAdmin("GRANT SELECT, SHOW VIEW, REFERENCES, TRIGGER, EVENT ON `" + myMember.name() + "`.* TO '"
                        + user + "'@'" + host + "'");
                my.executeAdmin("GRANT SELECT ON mysql.proc TO '" + user + "'@'" + host + "'");
            }
            try {
                Files.writeString(dir.resolve("my.pw"), mySecret + "\n");
                Files.writeString(dir.resolve("wrong.pw"), wrongSecret + "\n");
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                Path config = dir.resolve("driftd.yaml");
                Files.writeString(config, """
                        server:
                          bind: 127.0.0.1:%d
                          tokens:
                            - {name: ops, role: admin, secret: "${env:T21A_TOKEN}"}
                        store:
                          url: "%s"
                        fleets:
                          - name: pg
                            schedule: "0 0 0 1 1 ? 2099"
                            golden: {url: "%s"}
                            members:
                              - {name: pw, url: "%s", user: %s, password: "${env:T21A_PG_PW}"}
                          - name: my
                            schedule: "0 0 0 1 1 ? 2099"
                            golden: {url: "%s"}
                            members:
                              - {name: pw, url: "%s", user: %s, password: "${file:%s}"}
                              - {name: wrongpw, url: "%s", user: %s, password: "${file:%s}"}
                        """.formatted(port, store.url(), pgGolden.url(), withoutUser(pg, pgMember), user,
                        myGolden.url(), withoutUser(my, myMember), user, dir.resolve("my.pw"),
                        withoutUser(my, myMember), user, dir.resolve("wrong.pw")));
                Path log = dir.resolve("daemon.log");
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", JAR.toString(), "run", "--config", config.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("T21A_PG_PW", pgSecret);
                pb.environment().put("T21A_TOKEN", token);
                daemon = pb.start();
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                long deadline = System.nanoTime() + MUST_NOT_HANG.toNanos();
                while (status(http, base + "/readyz", null) != 200) {
                    assertThat(daemon.isAlive()).as("driftd run exited: " + Files.readString(log)).isTrue();
                    assertThat(System.nanoTime()).as("not ready within " + MUST_NOT_HANG).isLessThan(deadline);
                    Thread.sleep(200); // polling readiness, not waiting for an outcome
                }
                StringBuilder answers = new StringBuilder();
                for (String fleet : List.of("pg", "my")) {
                    answers.append(call(http, "POST", base + "/api/v1/fleets/" + fleet + "/sweep?wait=true", token, 200));
                }
                String pgFleet = call(http, "GET", base + "/api/v1/fleets/pg", token, 200);
                String myFleet = call(http, "GET", base + "/api/v1/fleets/my", token, 200);
                answers.append(pgFleet).append(myFleet);
                assertThat(memberState(pgFleet, "pw")).as(pgFleet).isEqualTo("in_sync");
                assertThat(memberState(myFleet, "pw")).as("MariaDB checked the password: " + myFleet).isEqualTo("in_sync");
                assertThat(memberState(myFleet, "wrongpw")).as(myFleet).isEqualTo("unreachable");
                assertThat(myFleet).contains("Access denied");
                answers.append(call(http, "GET", base + "/api/v1/fleets", token, 200));
                answers.append(call(http, "GET", base + "/api/v1/fleets/pg/members/pw/diff", token, 200));
                answers.append(call(http, "GET", base + "/api/v1/fleets/my/members/pw/diff", token, 200));
                answers.append(call(http, "GET", base + "/api/v1/fleets/my/members/wrongpw/diff", token, -1));
                answers.append(call(http, "GET", base + "/api/v1/fleets/my/members/pw/reconcile", token, 200));
                answers.append(call(http, "GET", base + "/api/v1/audit", token, 200));
                answers.append(call(http, "GET", base + "/api/v1/fleets/nope", token, 404));
                String metrics = call(http, "GET", base + "/metrics", null, 200);
                assertThat(metrics).contains("driftd_member_up{fleet=\"my\",member=\"wrongpw\"} 0.0")
                        .contains("driftd_snapshot_errors_total{fleet=\"my\",member=\"wrongpw\",reason=\"auth\"}");

                // the CLI with the same credentials: read with the right password, refused with the wrong one
                Run cli = driftd(dir, null, "diff", "--golden", myGolden.url(), "--target", withoutUser(my, myMember),
                        "--target-user", user, "--target-password-file", dir.resolve("my.pw").toString(), "--format", "json");
                assertThat(cli.code()).as(cli.err()).isEqualTo(0);
                Run refused = driftd(dir, null, "diff", "--golden", myGolden.url(), "--target", withoutUser(my, myMember),
                        "--target-user", user, "--target-password", wrongSecret);
                assertThat(refused.code()).isEqualTo(2);
                assertThat(refused.err()).contains("Access denied");

                daemon.destroy(); // SIGTERM: a clean stop flushes the log
                assertThat(daemon.waitFor(MUST_NOT_HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
                String logText = Files.readString(log);
                assertThat(logText).as("the log saw the sweeps").contains("fleet my: swept 2 members", "1 unreachable");
                String storeText = dump(pg, store);
                assertThat(storeText).as("the store holds the members").contains("wrongpw").contains("Access denied");

                for (String secret : secrets) {
                    assertThat(logText).as("log leaks " + secret).doesNotContain(secret);
                    assertThat(answers.toString()).as("API leaks " + secret).doesNotContain(secret);
                    assertThat(metrics).as("metrics leak " + secret).doesNotContain(secret);
                    assertThat(storeText).as("store leaks " + secret).doesNotContain(secret);
                    for (Run r : List.of(cli, refused)) {
                        assertThat(r.out() + r.err()).as("CLI leaks " + secret).doesNotContain(secret);
                    }
                }
            } finally {
                if (daemon != null && daemon.isAlive()) {
                    daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                for (String host : List.of("%", "localhost", "127.0.0.1")) {
                    my.executeAdmin("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
                }
                pg.executeAdmin("DROP ROLE IF EXISTS " + user);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** The database's URL without the test server's user, so the member's own user and password apply. */
    private static String withoutUser(TestServer server, TestDatabase db) {
        String url = db.url();
        assertThat(url).contains("user=" + server.user());
        return url.replaceAll("[?&]user=[^&]*", "").replaceAll("[?&]password=[^&]*", "")
                .replaceFirst("^([^?]*)&", "$1?");
    }

    private static String memberState(String fleetJson, String member) throws IOException {
        for (JsonNode m : JSON.readTree(fleetJson).path("members")) {
            if (m.path("name").asText().equals(member)) {
                return m.path("state").asText();
            }
        }
        throw new AssertionError("no member " + member + " in " + fleetJson);
    }

    private static int status(HttpClient http, String url, String token) {
        try {
            return http.send(request("GET", url, token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The answer's body; {@code expected} -1 takes any status. */
    private static String call(HttpClient http, String method, String url, String token, int expected) throws Exception {
        HttpResponse<String> r = OpenApiContract.check(method,
                http.send(request(method, url, token).build(), HttpResponse.BodyHandlers.ofString()));
        if (expected != -1) {
            assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isEqualTo(expected);
        }
        return r.body();
    }

    private static HttpRequest.Builder request(String method, String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(MUST_NOT_HANG)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Every row of the store database, as pg_dump writes them. */
    private static String dump(TestServer pg, TestDatabase store) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "--data-only", "-h", pg.host(), "-p", String.valueOf(pg.port()),
                "-U", pg.user(), store.name()).redirectErrorStream(true);
        if (pg.password() != null) {
            pb.environment().put("PGPASSWORD", pg.password());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(MUST_NOT_HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pg_dump: " + out).isZero();
        return out;
    }

    /** A statement as the script shows it when skipped: each line behind "-- ", then the semicolon. */
    private static String commented(String statement) {
        return statement.lines().map(l -> "-- " + l).collect(Collectors.joining("\n")) + ";";
    }

    /** The script without its comment lines: what a client would run. */
    private static String runnable(String script) {
        return script.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
    }

    private static String fingerprintOf(Path dir, TestDatabase db) throws Exception {
        Run r = driftd(dir, null, "snapshot", "--url", db.url());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String fp = JSON.readTree(r.out()).path("fingerprint").asText();
        assertThat(fp).matches("[0-9a-f]{64}");
        return fp;
    }

    /** The script through psql or the mysql client, stopping at the first error, as a person would. */
    private static void runClient(TestServer server, TestDatabase db, Path script) throws Exception {
        List<String> cmd = server.family() == Flavor.POSTGRES
                ? List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(), "-p",
                String.valueOf(server.port()), "-U", server.user(), "-d", db.name(), "-f", script.toString())
                : List.of("mysql", "-h", server.host(), "-P", String.valueOf(server.port()), "-u", server.user(),
                db.name(), "-e", "source " + script);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (server.password() != null) {
            pb.environment().put(server.family() == Flavor.POSTGRES ? "PGPASSWORD" : "MYSQL_PWD", server.password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(MUST_NOT_HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(cmd.get(0) + ": " + output).isZero();
    }
}
