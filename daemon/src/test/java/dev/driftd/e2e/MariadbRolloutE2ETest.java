package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static dev.driftd.e2e.PlansHarness.ALICE;
import static dev.driftd.e2e.PlansHarness.BOB;
import static dev.driftd.e2e.PlansHarness.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A rollout over four MariaDB tenant databases sharing one drift, the variant named by one of its
 * members (which becomes the canary): statement by statement on each member, every statement
 * audited, each member verified against golden; the rollout completes and every member converges.
 */
class MariadbRolloutE2ETest {
    final Engine engine = new Engine();

    @Test
    void rolloutOverFourTenantsConverges() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server (local, env or Docker)");
        String run = "mr" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<TestDatabase> tenants = new ArrayList<>();
        try (TestDatabase golden = my.createDatabase(run + "_golden").execute(FleetSchemas.MARIADB)) {
            for (int i = 0; i < 4; i++) {
                tenants.add(my.createDatabase(run + "_t" + i).execute(FleetSchemas.MARIADB)
                        .execute("ALTER TABLE orders ADD COLUMN note varchar(20)",
                                "CREATE INDEX orders_total_hotfix ON orders (total_cents)"));
            }
            String server = "jdbc:mysql://" + my.host() + ":" + my.port() + "/?user=" + my.user()
                    + (my.password() == null || my.password().isEmpty() ? "" : "&password=" + my.password());
            String fleets = """
                    - name: my
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      rollout: {canary: 1, wave: 2, pause: 0s}
                      timeout: 10s
                      discover:
                        - {url: "%s", databases: "%s_t[0-9]+_.*"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), server, run);
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("my");
                // golden moves after a rollout was made: it cannot start any more
                String early = d.ok("POST", "/api/v1/fleets/my/rollouts", ALICE,
                        "{\"member\":\"" + tenants.get(0).name() + "\"}", 201).path("id").asText();
                d.ok("POST", "/api/v1/fleets/my/rollouts/" + early + "/approve", BOB, "{\"destructive\":true}", 200);
                golden.execute("ALTER TABLE customers ADD COLUMN nick varchar(20)");
                d.sweep("my");
                HttpResponse<String> stale = d.send("POST", "/api/v1/fleets/my/rollouts/" + early + "/start", BOB, null);
                assertThat(stale.statusCode()).isEqualTo(409);
                assertThat(stale.body()).contains("rollout stale").contains("golden changed");
                assertThat(d.ok("GET", "/api/v1/fleets/my/rollouts/" + early, READER, null, 200).path("state").asText())
                        .isEqualTo("stale");
                golden.execute("ALTER TABLE customers DROP COLUMN nick");
                d.sweep("my");

                String canary = tenants.get(2).name();
                JsonNode made = d.ok("POST", "/api/v1/fleets/my/rollouts", ALICE, "{\"member\":\"" + canary + "\"}", 201);
                String id = made.path("id").asText();
                String variant = made.path("variantFingerprint").asText();
                assertThat(variant).isEqualTo(fingerprint(tenants.get(0)));
                assertThat(made.path("transactional").asBoolean()).isFalse();
                assertThat(made.path("statements").size()).isEqualTo(2);
                List<String> order = new ArrayList<>();
                made.path("members").forEach(m -> order.add(m.path("member").asText() + "@" + m.path("wave").asInt()));
                assertThat(order).containsExactly(canary + "@0", tenants.get(0).name() + "@1", tenants.get(1).name() + "@1",
                        tenants.get(3).name() + "@2");

                d.ok("POST", "/api/v1/fleets/my/rollouts/" + id + "/approve", BOB, "{\"destructive\":true}", 200);
                d.ok("POST", "/api/v1/fleets/my/rollouts/" + id + "/start", BOB, null, 202);
                JsonNode done = d.awaitRollout("my", id);

                assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("counts").path("applied").asInt()).isEqualTo(4);
                String goldenFp = fingerprint(golden);
                for (JsonNode m : done.path("members")) {
                    assertThat(m.path("state").asText()).isEqualTo("applied");
                    assertThat(m.path("beforeFingerprint").asText()).isEqualTo(variant);
                    assertThat(m.path("afterFingerprint").asText()).isEqualTo(goldenFp);
                }
                for (TestDatabase t : tenants) {
                    assertThat(fingerprint(t)).as("re-read " + t.name()).isEqualTo(goldenFp);
                }
                assertThat(d.metrics()).contains("driftd_rollout_members{fleet=\"my\",state=\"applied\"} 4.0")
                        .contains("driftd_rollout_members{fleet=\"my\",state=\"failed\"} 0.0");

                JsonNode audit = d.ok("GET", "/api/v1/audit?rollout=" + id, READER, null, 200).path("entries");
                List<String> actions = new ArrayList<>();
                audit.forEach(e -> actions.add(e.path("action").asText()));
                // made, approved, started; per member two statements and the member's verified apply; completed
                assertThat(actions).hasSize(3 + 4 * 3 + 1);
                assertThat(actions.subList(3, 6)).containsExactly("rollout-statement", "rollout-statement",
                        "rollout-apply");
                assertThat(audit.get(3).path("member").asText()).isEqualTo(canary);
                assertThat(audit.get(3).path("result").asText()).isEqualTo("ok (1/2)");
                assertThat(actions.get(actions.size() - 1)).isEqualTo("rollout-completed");

                // in sync now: nothing left to roll out
                d.sweep("my");
                HttpResponse<String> nothing = d.send("POST", "/api/v1/fleets/my/rollouts", ALICE,
                        "{\"member\":\"" + canary + "\"}");
                assertThat(nothing.statusCode()).isEqualTo(409);
                assertThat(nothing.body()).contains("nothing to roll out");
            }
        } finally {
            TestDatabase.closeAll(tenants);
        }
    }

    private String fingerprint(TestDatabase db) {
        return engine.snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
    }
}
