package dev.driftd.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.cluster.DaemonProcess;
import dev.driftd.testing.FleetSchemas;
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
 * kill -9 of the daemon in the middle of a rollout (paused between its canary and the next wave):
 * on restart the rollout is marked interrupted, the member it never reached is skipped and left
 * untouched, and the audit log has the {@code rollout-interrupted} entry (issue 14 item 8; before,
 * only a graceful stop wrote it). With an embedded H2 store the restarted daemon is the only one,
 * so it does so at once rather than after the cluster's heartbeat timeout.
 */
class RolloutKillTest {
    private static final String ALICE = "rollout-kill-alice-token";
    private static final String BOB = "rollout-kill-bob-token-0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRolloutKilledMidwayIsInterruptedAndAuditedOnRestart(@TempDir Path dir) throws Exception {
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("hsecretskg").execute(FleetSchemas.POSTGRES);
             TestDatabase m1 = TestDatabases.postgres().createDatabase("hsecretsk1").execute(FleetSchemas.POSTGRES);
             TestDatabase m2 = TestDatabases.postgres().createDatabase("hsecretsk2").execute(FleetSchemas.POSTGRES)) {
            // one shared, additive drift: the index is missing on both members
            m1.execute("DROP INDEX orders_customer_idx");
            m2.execute("DROP INDEX orders_customer_idx");
            int port = DaemonProcess.freePort();
            Path cfg = dir.resolve("driftd.yaml");
            Files.writeString(cfg, """
                    server:
                      bind: 127.0.0.1:%d
                      tokens:
                        - {name: alice, role: admin, secret: "%s"}
                        - {name: bob, role: admin, secret: "%s"}
                    store:
                      url: "jdbc:h2:file:%s"
                    fleets:
                      - name: f
                        schedule: "0 0 0 1 1 ? 2099"
                        golden: {url: "%s"}
                        apply: enabled
                        approvals: 1
                        rollout: {canary: 1, wave: 1, pause: 10m}
                        members:
                          - {name: m1, url: "%s"}
                          - {name: m2, url: "%s"}
                    """.formatted(port, ALICE, BOB, dir.resolve("store").resolve("driftd"), golden.url(), m1.url(),
                    m2.url()));
            String id;
            try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd.log"), port)) {
                d.awaitReady(Duration.ofSeconds(90));
                assertThat(d.post("/api/v1/fleets/f/sweep?wait=true", ALICE).statusCode()).isEqualTo(200);
                JsonNode made = ok(d.send("POST", "/api/v1/fleets/f/rollouts", ALICE, "{\"member\":\"m1\"}"), 201);
                id = made.path("id").asText();
                String one = "/api/v1/fleets/f/rollouts/" + id;
                ok(d.send("POST", one + "/approve", BOB, "{}"), 200);
                ok(d.send("POST", one + "/start", ALICE, null), 202);
                // the canary is applied, then the rollout waits 10 minutes before m2
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ok(d.send("GET", one, ALICE, null), 200).path("counts").path("applied").asInt() == 1);
                assertThat(ok(d.send("GET", one, ALICE, null), 200).path("state").asText()).isEqualTo("running");
                d.kill9();
            }
            try (DaemonProcess d = DaemonProcess.start(cfg, dir.resolve("driftd2.log"), port)) {
                d.awaitReady(Duration.ofSeconds(90));
                String one = "/api/v1/fleets/f/rollouts/" + id;
                JsonNode after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ok(d.send("GET", one, ALICE, null), 200),
                                r -> r.path("state").asText().equals("interrupted"));
                // the canary's applied state was committed before the kill (the H2 store flushes every commit)
                assertThat(after.path("counts").path("applied").asInt()).as(after.toString()).isEqualTo(1);
                assertThat(after.path("counts").path("skipped").asInt()).isEqualTo(1);
                String audit = d.get("/api/v1/audit", ALICE).body();
                assertThat(audit).contains("rollout-interrupted").contains(id);
                assertThat(JSON.readTree(audit).toString().split("rollout-interrupted", -1)).hasSize(2); // once
            }
            // m2 was never touched: the index is still missing there
            try (var c = m2.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_customer_idx'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }
}
