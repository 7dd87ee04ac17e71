package dev.driftd.faults;

import dev.driftd.cluster.DaemonProcess;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reloading a real daemon's configuration, by SIGHUP and by POST /api/v1/reload: a bad file is
 * rejected with its file:line and the running configuration kept; a good one is applied.
 */
class ReloadTest {
    private static final String TOKEN = "reload-test-admin-token";

    private static String config(int port, Path store, String fleets) {
        return """
                server:
                  bind: 127.0.0.1:%d
                  tokens:
                    - {name: ops, role: admin, secret: "%s"}
                store:
                  url: "jdbc:h2:file:%s"
                fleets:
                %s""".formatted(port, TOKEN, store, fleets);
    }

    private static String fleet(String name, String url) {
        return """
                  - name: %s
                    schedule: "0 0 0 1 1 ? 2099"
                    golden: {url: "%s"}
                    members:
                      - {name: m, url: "%s"}
                """.formatted(name, url, url);
    }

    @Test
    void badFilesAreRejectedWithFileAndLineGoodOnesApplied(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drreload")) {
            int port = DaemonProcess.freePort();
            Path cfg = dir.resolve("driftd.yaml");
            Path store = dir.resolve("store").resolve("driftd");
            Files.writeString(cfg, config(port, store, fleet("one", db.url())));
            try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd.log"), port)) {
                d.awaitReady(Duration.ofSeconds(90));
                assertThat(fleets(d)).contains("\"one\"");

                // a misspelt key in fleet "two", on a known line
                String bad = config(port, store, fleet("one", db.url())
                        + fleet("two", db.url()).replace("schedule:", "shedule:"));
                String where = cfg + ":" + (bad.lines().toList().indexOf(bad.lines()
                        .filter(l -> l.contains("shedule:")).findFirst().orElseThrow()) + 1);
                Files.writeString(cfg, bad);
                d.signal("HUP");
                awaitLog(d, where, Duration.ofSeconds(20));
                assertThat(fleets(d)).contains("\"one\"").doesNotContain("\"two\"");
                assertThat(d.alive()).isTrue();

                HttpResponse<String> rejected = d.post("/api/v1/reload", TOKEN);
                assertThat(rejected.statusCode()).isEqualTo(422);
                assertThat(rejected.body()).contains(where).contains("shedule");
                assertThat(fleets(d)).doesNotContain("\"two\"");
                assertThat(d.get("/readyz", null).statusCode()).isEqualTo(200);

                // a good file by SIGHUP: fleet two appears
                Files.writeString(cfg, config(port, store, fleet("one", db.url()) + fleet("two", db.url())));
                d.signal("HUP");
                awaitFleets(d, "\"two\"", true);

                // a good file through the API: fleet one leaves
                Files.writeString(cfg, config(port, store, fleet("two", db.url())));
                HttpResponse<String> ok = d.post("/api/v1/reload", TOKEN);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                assertThat(fleets(d)).contains("\"two\"").doesNotContain("\"one\"");
            }
        }
    }

    /**
     * An empty or comment-only file is a bad file (issue 14 item 7): before, it reloaded as "0
     * fleets", every token was gone, every fleet retired and its drift history closed. Now it is
     * refused with file:line, and a later good reload keeps the drift history of the fleets that
     * remain (the drift start of a member that drifted before stays the same instant).
     */
    @Test
    void anEmptyFileIsRejectedAndAReloadKeepsTheHistoryOfRemainingFleets(@TempDir Path dir) throws Exception {
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("drreloadg");
             TestDatabase member = TestDatabases.postgres().createDatabase("drreloadm")) {
            golden.execute("CREATE TABLE t (id int PRIMARY KEY, note text)");
            member.execute("CREATE TABLE t (id int PRIMARY KEY)");
            int port = DaemonProcess.freePort();
            Path cfg = dir.resolve("driftd.yaml");
            Path store = dir.resolve("store").resolve("driftd");
            String one = """
                      - name: one
                        schedule: "0 0 0 1 1 ? 2099"
                        golden: {url: "%s"}
                        members:
                          - {name: m, url: "%s"}
                    """.formatted(golden.url(), member.url());
            Files.writeString(cfg, config(port, store, one));
            try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd.log"), port)) {
                d.awaitReady(Duration.ofSeconds(90));
                assertThat(d.post("/api/v1/fleets/one/sweep", TOKEN).statusCode()).isLessThan(300);
                String since = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> driftSince(d, "one"), s -> s != null);

                for (String empty : new String[] {"", "# everything\n# commented out\n"}) {
                    Files.writeString(cfg, empty);
                    HttpResponse<String> rejected = d.post("/api/v1/reload", TOKEN);
                    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
                    assertThat(rejected.body()).contains(cfg + ":1").contains("empty");
                    // the tokens still work, the fleet is still there with its drift
                    assertThat(driftSince(d, "one")).isEqualTo(since);
                }
                d.signal("HUP");
                awaitLog(d, cfg + ":1: the file is empty", Duration.ofSeconds(20));
                assertThat(driftSince(d, "one")).isEqualTo(since);

                // a good reload that changes other things: fleet one keeps its history
                Files.writeString(cfg, config(port, store, one + fleet("two", golden.url())));
                HttpResponse<String> ok = d.post("/api/v1/reload", TOKEN);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                assertThat(fleets(d)).contains("\"two\"");
                assertThat(driftSince(d, "one")).isEqualTo(since);
            }
            // and a restart on an empty file refuses to start, naming the file
            Files.writeString(cfg, "# nothing\n");
            try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd2.log"), port)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !d.alive());
                assertThat(d.log()).contains(cfg + ":1: the file is empty");
            }
        }
    }

    private static String driftSince(DaemonProcess d, String fleet) throws Exception {
        HttpResponse<String> r = d.get("/api/v1/fleets/" + fleet, TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"driftSince\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    private static String fleets(DaemonProcess d) throws Exception {
        HttpResponse<String> r = d.get("/api/v1/fleets", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static void awaitFleets(DaemonProcess d, String text, boolean present) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (fleets(d).contains(text) == present) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fleets never " + (present ? "had " : "lost ") + text + "\n" + d.tail());
    }

    private static void awaitLog(DaemonProcess d, String text, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (d.log().contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the log never said " + text + "\n" + d.tail());
    }
}
