package dev.driftd.faults;

import dev.driftd.cluster.DaemonProcess;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passwords written into member, golden and store URLs (user info, {@code password=} parameters,
 * {@code ;password=}) and properties never come out of the daemon (issue 14 item 6): failures
 * that make drivers and servers quote the URL are provoked, then the log (JSON format, where
 * pgjdbc's java.util.logging warnings must arrive as JSON lines too), the store (the H2 files'
 * bytes; every row of a PostgreSQL store through pg_dump), /metrics, the API answers and the audit
 * are searched for each secret.
 */
class SecretLeakTest {
    private static final String TOKEN = "secret-leak-test-admin-token";
    // distinct, unlikely strings: any occurrence anywhere is a leak
    private static final String GOLDEN_PW = "GoldenPw4e1b7c";
    private static final String PORT_PW = "PortPw9d2a6f";
    private static final String USERINFO_PW = "UserinfoPw3c8e1a";
    private static final String SEMICOLON_PW = "SemiPw5b7d2e";
    private static final String MYSQL_PW = "MysqlPw8a4f0c";
    private static final String FILE_PW = "FilePw2e9b5d";
    private static final String STORE_PW = "StorePw6c1a3f";
    private static final List<String> SECRETS = List.of(GOLDEN_PW, PORT_PW, USERINFO_PW, SEMICOLON_PW, MYSQL_PW,
            FILE_PW, STORE_PW);

    @Test
    void noPasswordInLogsStoreMetricsAnswersOrAuditWithAnH2Store(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store").resolve("driftd");
        String h2 = "jdbc:h2:file:" + store + ";PASSWORD=" + STORE_PW;
        String everything = provokeAndCollect(dir, h2);
        StringBuilder files = new StringBuilder();
        try (Stream<Path> all = Files.walk(store.getParent())) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(files.toString()).as("the H2 store files hold the errors").contains("h_secrets_nodb");
        assertNoSecret(everything + files);
    }

    @Test
    void noPasswordInAPostgresStoreRow(@TempDir Path dir) throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase storeDb = pg.createDatabase("hsecretsstore")) {
            String everything = provokeAndCollect(dir, storeDb.url() + "&password=" + STORE_PW);
            Process dump = new ProcessBuilder("pg_dump", "-a", "-h", pg.host(), "-p", Integer.toString(pg.port()),
                    "-U", pg.user(), storeDb.name()).redirectErrorStream(true).start();
            String rows = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dump.waitFor()).as(rows).isZero();
            assertThat(rows).as("the store rows hold the errors").contains("h_secrets_nodb");
            assertNoSecret(everything + rows);
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsReportedWithoutItsPassword(@TempDir Path dir) throws Exception {
        String store = """
                store:
                  url: "jdbc:postgresql://127.0.0.1:notaport/driftd?user=postgres&password=%s"
                """.formatted(STORE_PW);
        for (String format : List.of("text", "json")) {
            String log = failedStartLog(dir, store, format);
            assertThat(log).contains("notaport");
            assertNoSecret(log);
            if (format.equals("json")) {
                // pgjdbc's java.util.logging warning (the port it cannot parse) arrives through logback
                assertThat(log).contains("\"loggerName\":\"org.postgresql");
                assertEveryLineIsJson(log);
            }
        }
    }

    /** Starts a daemon on this configuration (server and token added) that must fail to start; its log. */
    private static String failedStartLog(Path dir, String config, String format) throws Exception {
        int port = DaemonProcess.freePort();
        Path cfg = dir.resolve(format + ".yaml");
        Files.writeString(cfg, """
                server:
                  bind: 127.0.0.1:%d
                  tokens:
                    - {name: ops, role: admin, secret: "%s"}
                """.formatted(port, TOKEN) + config);
        try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve(format + ".log"), port,
                List.of("-Ddriftd.log.format=" + format))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !d.alive());
            return d.log();
        }
    }

    private static void assertEveryLineIsJson(String log) {
        List<String> notJson = new ArrayList<>();
        for (String line : log.lines().toList()) {
            // "driftd: ..." is the one-line error a failed start writes to standard error, not a log line
            if (!line.isBlank() && !line.startsWith("driftd: ") && !(line.startsWith("{") && line.endsWith("}"))) {
                notJson.add(line);
            }
        }
        assertThat(notJson).as("every log line is a JSON object").isEmpty();
    }

    @Test
    void aMemberUrlRefusedAtLoadIsReportedWithoutItsPassword(@TempDir Path dir) throws Exception {
        String log = failedStartLog(dir, """
                fleets:
                  - name: leaky
                    schedule: "0 0 0 1 1 ? 2099"
                    golden: {url: "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"}
                    members:
                      - {name: badport, url: "jdbc:postgresql://127.0.0.1:notaport/postgres?user=postgres&password=%s"}
                """.formatted(PORT_PW), "text");
        assertThat(log).contains("notaport");
        assertNoSecret(log);
    }

    /** Starts a daemon whose golden and members fail, sweeps, asks the API; all it said, and its log. */
    private static String provokeAndCollect(Path dir, String storeUrl) throws Exception {
        TestServer pg = TestDatabases.postgres();
        String pgHost = pg.host() + ":" + pg.port();
        Files.writeString(dir.resolve("member.password"), FILE_PW + "\n");
        int port = DaemonProcess.freePort();
        Path cfg = dir.resolve("driftd.yaml");
        Files.writeString(cfg, """
                server:
                  bind: 127.0.0.1:%1$d
                  tokens:
                    - {name: ops, role: admin, secret: "%2$s"}
                store:
                  url: "%3$s"
                fleets:
                  - name: leaky
                    schedule: "0 0 0 1 1 ? 2099"
                    apply: true
                    golden: {url: "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=%4$s"}
                    members:
                      - {name: badport, url: "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=%5$s"}
                      - {name: userinfo, url: "jdbc:postgresql://postgres:%6$s@%7$s/postgres"}
                      - {name: semicolon, url: "jdbc:postgresql://%7$s/h_secrets_nodb;password=%8$s?user=postgres"}
                      - {name: mysql, url: "jdbc:mysql://root:%9$s@127.0.0.1:1/mysql"}
                      - {name: property, url: "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres", password: "${file:member.password}"}
                """.formatted(port, TOKEN, storeUrl, GOLDEN_PW, PORT_PW, USERINFO_PW, pgHost, SEMICOLON_PW, MYSQL_PW));
        StringBuilder said = new StringBuilder();
        try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd.log"), port,
                List.of("-Ddriftd.log.format=json"))) {
            d.awaitReady(Duration.ofSeconds(90));
            said.append(d.post("/api/v1/fleets/leaky/sweep?wait=true", TOKEN).body());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> d.get("/api/v1/fleets/leaky", TOKEN).body().contains("h_secrets_nodb"));
            for (String path : List.of("/api/v1/fleets", "/api/v1/fleets/leaky", "/metrics", "/api/v1/audit")) {
                said.append(d.get(path, TOKEN).body());
            }
            for (String member : List.of("badport", "userinfo", "semicolon", "mysql", "property")) {
                said.append(d.get("/api/v1/fleets/leaky/members/" + member + "/diff", TOKEN).body());
                said.append(d.get("/api/v1/fleets/leaky/members/" + member + "/reconcile", TOKEN).body());
                said.append(d.post("/api/v1/fleets/leaky/members/" + member + "/plans", TOKEN).body());
            }
            said.append(d.get("/api/v1/audit", TOKEN).body());
            String fleet = d.get("/api/v1/fleets/leaky", TOKEN).body();
            // the failures were really provoked: golden's and the members' errors are there, masked
            assertThat(fleet).contains("Connection to 127.0.0.1:1 refused").contains("h_secrets_nodb;password=***");
            String log = d.log();
            assertEveryLineIsJson(log);
            said.append(log);
        }
        return said.toString();
    }

    private static void assertNoSecret(String text) throws IOException {
        for (String secret : SECRETS) {
            assertThat(text).as("leaks " + secret).doesNotContain(secret);
        }
    }
}
