package dev.driftd.faults;

import dev.driftd.cluster.DaemonProcess;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL store goes away under a running daemon (its database stops accepting connections
 * and the daemon's sessions are terminated) and comes back: meanwhile the daemon serves the last
 * known state and /readyz answers 503; afterwards it is ready again and sweeps again, without a
 * restart.
 */
class StoreOutageTest {
    private static final String TOKEN = "store-outage-admin-token";
    private static final Pattern FINISHED = Pattern.compile("\"finished\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void theDaemonServesTheLastStateWhileTheStoreIsAwayAndRecovers(@TempDir Path dir) throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase store = pg.createDatabase("drout_store");
             TestDatabase golden = pg.createDatabase("drout_g");
             TestDatabase t1 = pg.createDatabase("drout_t1")) {
            golden.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
            t1.execute("CREATE TABLE t (id int PRIMARY KEY)");
            int port = DaemonProcess.freePort();
            Path cfg = dir.resolve("driftd.yaml");
            Files.writeString(cfg, """
                    server:
                      bind: 127.0.0.1:%d
                      tokens:
                        - {name: ops, role: admin, secret: "%s"}
                    store:
                      url: "%s"
                    fleets:
                      - name: f
                        schedule: "*/2 * * * * ?"
                        golden: {url: "%s"}
                        timeout: 5s
                        members:
                          - {name: t1, url: "%s"}
                    """.formatted(port, TOKEN, store.url(), golden.url(), t1.url()));
            try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd.log"), port)) {
                d.awaitReady(Duration.ofSeconds(90));
                String before = awaitFinished(d, null, Duration.ofSeconds(60));

                pg.executeAdmin("ALTER DATABASE " + store.name() + " ALLOW_CONNECTIONS false");
                try {
                    pg.executeAdmin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                            + store.name() + "' AND pid <> pg_backend_pid()");
                    long t0 = System.nanoTime();
                    awaitStatus(d, "/readyz", 503, Duration.ofSeconds(20));
                    long notReadyAfter = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(notReadyAfter).as("/readyz said 503 after %d ms", notReadyAfter).isLessThan(15_000);
                    // /readyz must answer quickly, not hang on the store
                    long q0 = System.nanoTime();
                    assertThat(d.get("/readyz", null).statusCode()).isEqualTo(503);
                    assertThat((System.nanoTime() - q0) / 1_000_000).isLessThan(5_000);

                    HttpResponse<String> fleet = d.get("/api/v1/fleets/f", TOKEN);
                    assertThat(fleet.statusCode()).isEqualTo(200);
                    assertThat(fleet.body()).contains("\"drifted\"");
                    assertThat(d.get("/metrics", null).body())
                            .contains("driftd_member_drift{fleet=\"f\",member=\"t1\"} 1");
                    Thread.sleep(3_000);
                    assertThat(d.alive()).isTrue();
                } finally {
                    pg.executeAdmin("ALTER DATABASE " + store.name() + " ALLOW_CONNECTIONS true");
                }
                awaitStatus(d, "/readyz", 200, Duration.ofSeconds(45));
                String after = awaitFinished(d, before, Duration.ofSeconds(60));
                assertThat(after).isGreaterThan(before);
                assertThat(d.get("/api/v1/fleets/f", TOKEN).body()).contains("\"drifted\"");
            }
        }
    }

    private static void awaitStatus(DaemonProcess d, String path, int status, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        int last = -1;
        while (System.nanoTime() < end) {
            try {
                last = d.get(path, null).statusCode();
                if (last == status) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = -2;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", for " + max + "\n" + d.tail());
    }

    /** Waits for a finished sweep of fleet f later than {@code after} (any when null); returns its ISO time. */
    private static String awaitFinished(DaemonProcess d, String after, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = FINISHED.matcher(d.get("/api/v1/fleets/f", TOKEN).body());
            if (m.find() && (after == null || m.group(1).compareTo(after) > 0)) {
                return m.group(1);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no sweep of f finished after " + after + " within " + max + "\n" + d.tail());
    }
}
