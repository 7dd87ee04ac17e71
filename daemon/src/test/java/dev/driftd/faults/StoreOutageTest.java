package dev.driftd.faults;

import dev.driftd.cluster.DaemonProcess;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

                String storedBefore = lastSweepInStore(store);
                assertThat(storedBefore).as("the store recorded the first sweep").isNotNull();
                pg.executeAdmin("ALTER DATABASE " + store.name() + " ALLOW_CONNECTIONS false");
                Instant reopened;
                try {
                    pg.executeAdmin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                            + store.name() + "' AND pid <> pg_backend_pid()");
                    int refusedBefore = count(d.log(), REFUSED);
                    awaitStatus(d, "/readyz", 503, Duration.ofSeconds(60));
                    // /readyz must answer, not hang on the store (the client's own bound is 10 s)
                    assertThat(d.get("/readyz", null).statusCode()).isEqualTo(503);

                    HttpResponse<String> fleet = d.get("/api/v1/fleets/f", TOKEN);
                    assertThat(fleet.statusCode()).isEqualTo(200);
                    assertThat(fleet.body()).contains("\"drifted\"");
                    assertThat(d.get("/metrics", null).body())
                            .contains("driftd_member_drift{fleet=\"f\",member=\"t1\"} 1");
                    // the daemon keeps running into the outage (its scheduler and heartbeats use the store): it
                    // has been refused at least twice more, and lives on
                    try {
                        await("the daemon refused by the store twice").atMost(Duration.ofSeconds(60))
                                .pollInterval(Duration.ofMillis(200)).until(() -> count(d.log(), REFUSED) >= refusedBefore + 2);
                    } catch (org.awaitility.core.ConditionTimeoutException e) {
                        throw new AssertionError(e.getMessage() + "\n" + d.tail(), e);
                    }
                    assertThat(d.alive()).isTrue();
                    assertThat(d.get("/api/v1/fleets/f", TOKEN).statusCode()).isEqualTo(200);
                } finally {
                    reopened = Instant.now();
                    pg.executeAdmin("ALTER DATABASE " + store.name() + " ALLOW_CONNECTIONS true");
                }
                awaitStatus(d, "/readyz", 200, Duration.ofSeconds(60));
                // a sweep that began once the store was back finished, and the store recorded a newer sweep:
                // not just a later time stamp in memory
                awaitStartedAfter(d, reopened, Duration.ofSeconds(60));
                await("the store records a sweep again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !storedBefore.equals(lastSweepInStore(store)));
                assertThat(d.get("/api/v1/fleets/f", TOKEN).body()).contains("\"drifted\"");
            }
        }
    }

    /** What the store says to each connection attempt while it is away (ALLOW_CONNECTIONS false). */
    private static final Pattern REFUSED = Pattern.compile("is not currently accepting connections");
    /** The last sweep's start, when it also finished (a sweep in the store's outage keeps neither). */
    private static final Pattern LAST_SWEEP = Pattern.compile(
            "\"lastSweep\"\\s*:\\s*\\{\\s*\"started\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"finished\"\\s*:\\s*\"[^\"]+\"");

    private static int count(String text, Pattern p) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The last sweep's finish as the store has it (text; compared for change only), null when none. */
    private static String lastSweepInStore(TestDatabase store) throws Exception {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_sweep_finished::text FROM driftd_fleet_state WHERE fleet = 'f'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Waits until fleet f's last finished sweep is one that started after {@code instant}. */
    private static void awaitStartedAfter(DaemonProcess d, Instant instant, Duration max) {
        await("a sweep that started after " + instant + " finished").atMost(max).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    Matcher m = LAST_SWEEP.matcher(d.get("/api/v1/fleets/f", TOKEN).body());
                    return m.find() && Instant.parse(m.group(1)).isAfter(instant);
                });
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
