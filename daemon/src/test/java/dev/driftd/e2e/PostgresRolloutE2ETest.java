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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static dev.driftd.e2e.PlansHarness.ALICE;
import static dev.driftd.e2e.PlansHarness.BOB;
import static dev.driftd.e2e.PlansHarness.CAROL;
import static dev.driftd.e2e.PlansHarness.READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout over 20 tenant databases (database per tenant, discovered) that share one drift, on
 * real PostgreSQL through the HTTP API. One plan is made for the variant; the 13th member is
 * changed after that, so its fingerprint check fails: the rollout stops there. The twelve before it
 * are applied and converge (re-read: golden's fingerprint), the seven after it are skipped and
 * untouched (still the variant's fingerprint); the API, the metric, the audit log and, after a
 * restart, the store all say so. Approvals follow the plans' rules; a fleet without
 * {@code apply: enabled} refuses to start.
 */
class PostgresRolloutE2ETest {
    static final int TENANTS = 20;
    static final int BROKEN = 12;
    static final Duration PAUSE = Duration.ofMillis(300);
    final Engine engine = new Engine();

    @Test
    void rolloutOverTwentyTenantsStopsAtTheBrokenOne() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String run = "ro" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<TestDatabase> tenants = new ArrayList<>();
        try (TestDatabase golden = pg.createDatabase(run + "_golden").execute(FleetSchemas.POSTGRES);
             TestDatabase base = pg.createDatabase(run + "_base").execute(FleetSchemas.POSTGRES)) {
            // the shared drift: a golden index missing, a column golden does not have
            base.execute("DROP INDEX orders_customer_idx", "ALTER TABLE orders ADD COLUMN note text");
            for (int i = 0; i < TENANTS; i++) {
                tenants.add(pg.createDatabaseFrom(run + "_t%02d".formatted(i), base));
            }
            String variant = fingerprint(base);
            String fleets = """
                    - name: pg
                      schedule: "%1$s"
                      golden: {url: "%2$s"}
                      apply: enabled
                      approvals: 2
                      rollout: {canary: 1, wave: 5, pause: %3$dms}
                      timeout: 10s
                      discover:
                        - {url: "%4$s", databases: "%5$s_t[0-9]+_.*"}
                    - name: ro
                      schedule: "%1$s"
                      golden: {url: "%2$s"}
                      discover:
                        - {url: "%4$s", databases: "%5$s_t[0-9]+_.*"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), PAUSE.toMillis(), pg.url("postgres"), run);
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("pg");
                d.sweep("ro");
                String rollouts = "/api/v1/fleets/pg/rollouts";
                assertThat(d.send("POST", rollouts, READER, "{\"fingerprint\":\"" + variant + "\"}").statusCode())
                        .isEqualTo(403);
                assertThat(d.send("POST", rollouts, ALICE, "{}").statusCode()).isEqualTo(400);
                assertThat(d.send("POST", rollouts, ALICE, "{\"fingerprint\":\"0000000000\"}").statusCode())
                        .isEqualTo(404);

                // one plan for the variant, named by a prefix of its fingerprint
                JsonNode made = d.ok("POST", rollouts, ALICE, "{\"fingerprint\":\"" + variant.substring(0, 12) + "\"}", 201);
                String id = made.path("id").asText();
                String goldenFp = fingerprint(golden);
                assertThat(made.path("state").asText()).isEqualTo("planned");
                assertThat(made.path("variantFingerprint").asText()).isEqualTo(variant);
                assertThat(made.path("goldenFingerprint").asText()).isEqualTo(goldenFp);
                assertThat(made.path("destructive").asBoolean()).isTrue();
                assertThat(made.path("sql").asText()).contains("CREATE INDEX orders_customer_idx").contains("DROP COLUMN note");
                assertThat(made.path("counts").path("waiting").asInt()).isEqualTo(TENANTS);
                JsonNode members = made.path("members");
                assertThat(members.size()).isEqualTo(TENANTS);
                for (int i = 0; i < TENANTS; i++) {
                    assertThat(members.get(i).path("member").asText()).isEqualTo(tenants.get(i).name());
                    // canary 1, then waves of 5: 0, 1 1 1 1 1, 2 …, 3 …, 4 4 4 4
                    assertThat(members.get(i).path("wave").asInt()).isEqualTo(i == 0 ? 0 : 1 + (i - 1) / 5);
                }

                // approvals as for plans: not the maker's, destructive ones, two of them; then start
                String one = rollouts + "/" + id;
                assertThat(d.send("POST", one + "/approve", ALICE, "{\"destructive\":true}").statusCode()).isEqualTo(403);
                assertThat(d.send("POST", one + "/approve", BOB, "{}").statusCode()).isEqualTo(409);
                d.ok("POST", one + "/approve", BOB, "{\"destructive\":true}", 200);
                HttpResponse<String> early = d.send("POST", one + "/start", ALICE, null);
                assertThat(early.statusCode()).isEqualTo(409);
                assertThat(early.body()).contains("needs 2 approvals").contains("has 1");
                assertThat(d.ok("POST", one + "/approve", CAROL, "{\"destructive\":true}", 200).path("approvals").size())
                        .isEqualTo(2);
                assertThat(d.send("POST", one + "/start", READER, null).statusCode()).isEqualTo(403);

                // a fleet without `apply: enabled` refuses to start
                String roId = d.ok("POST", "/api/v1/fleets/ro/rollouts", ALICE,
                        "{\"member\":\"" + tenants.get(3).name() + "\"}", 201).path("id").asText();
                HttpResponse<String> disabled = d.send("POST", "/api/v1/fleets/ro/rollouts/" + roId + "/start", BOB, null);
                assertThat(disabled.statusCode()).isEqualTo(403);
                assertThat(disabled.body()).contains("apply: enabled");

                // the 13th tenant changes after the plan was made: its check must fail
                TestDatabase broken = tenants.get(BROKEN);
                broken.execute("ALTER TABLE customers ADD COLUMN late text");
                String brokenFp = fingerprint(broken);

                JsonNode started = d.ok("POST", one + "/start", ALICE, null, 202);
                assertThat(started.path("state").asText()).isEqualTo("running");
                assertThat(started.path("startedBy").asText()).isEqualTo("alice");
                assertThat(d.send("POST", one + "/start", ALICE, null).statusCode()).isEqualTo(409);
                JsonNode done = d.awaitRollout("pg", id);

                assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("stopped");
                assertThat(done.path("result").asText()).contains(broken.name()).contains("12 applied before it")
                        .contains("7 not reached");
                assertThat(done.path("counts").path("applied").asInt()).isEqualTo(BROKEN);
                assertThat(done.path("counts").path("failed").asInt()).isEqualTo(1);
                assertThat(done.path("counts").path("skipped").asInt()).isEqualTo(TENANTS - BROKEN - 1);
                assertThat(done.path("counts").path("waiting").asInt()).isZero();
                JsonNode ms = done.path("members");
                for (int i = 0; i < TENANTS; i++) {
                    JsonNode m = ms.get(i);
                    String now = fingerprint(tenants.get(i));
                    if (i < BROKEN) {
                        assertThat(m.path("state").asText()).isEqualTo("applied");
                        assertThat(m.path("beforeFingerprint").asText()).isEqualTo(variant);
                        assertThat(m.path("afterFingerprint").asText()).isEqualTo(goldenFp);
                        assertThat(now).as("re-read " + tenants.get(i).name()).isEqualTo(goldenFp);
                    } else if (i == BROKEN) {
                        assertThat(m.path("state").asText()).isEqualTo("failed");
                        assertThat(m.path("beforeFingerprint").asText()).isEqualTo(brokenFp);
                        assertThat(m.path("error").asText()).contains("not the variant's " + variant)
                                .contains("not applied");
                        assertThat(now).isEqualTo(brokenFp);
                    } else {
                        assertThat(m.path("state").asText()).isEqualTo("skipped");
                        assertThat(m.path("beforeFingerprint").isMissingNode() || m.path("beforeFingerprint").isNull())
                                .isTrue();
                        assertThat(now).as("untouched " + tenants.get(i).name()).isEqualTo(variant);
                    }
                }
                // the pause between waves: each wave starts at least PAUSE after the previous one ended
                for (int i = 1; i <= BROKEN; i++) {
                    if (ms.get(i).path("wave").asInt() != ms.get(i - 1).path("wave").asInt()) {
                        Instant ended = Instant.parse(ms.get(i - 1).path("finishedAt").asText());
                        Instant began = Instant.parse(ms.get(i).path("startedAt").asText());
                        assertThat(Duration.between(ended, began)).isGreaterThanOrEqualTo(PAUSE);
                    }
                }

                String metrics = d.metrics();
                assertThat(metrics).contains("driftd_rollout_members{fleet=\"pg\",state=\"applied\"} 12.0")
                        .contains("driftd_rollout_members{fleet=\"pg\",state=\"failed\"} 1.0")
                        .contains("driftd_rollout_members{fleet=\"pg\",state=\"skipped\"} 7.0")
                        .contains("driftd_rollout_members{fleet=\"pg\",state=\"waiting\"} 0.0")
                        .contains("driftd_rollout_members{fleet=\"ro\",state=\"applied\"} 0.0");

                // every step in the audit log, by token name, never a secret
                HttpResponse<String> auditRaw = d.send("GET", "/api/v1/audit?rollout=" + id, READER, null);
                assertThat(auditRaw.statusCode()).isEqualTo(200);
                assertThat(auditRaw.body()).doesNotContain(ALICE).doesNotContain(BOB).doesNotContain(CAROL);
                JsonNode entries = PlansHarness.JSON.readTree(auditRaw.body()).path("entries");
                List<String> actions = new ArrayList<>();
                entries.forEach(e -> actions.add(e.path("action").asText() + ":" + e.path("token").asText()));
                List<String> expected = new ArrayList<>(List.of("rollout:alice", "rollout-approve:bob",
                        "rollout-approve:carol", "rollout-start:alice"));
                for (int i = 0; i <= BROKEN; i++) {
                    expected.add("rollout-apply:alice");
                }
                expected.add("rollout-stopped:alice");
                assertThat(actions).containsExactlyElementsOf(expected);
                JsonNode firstApply = entries.get(4);
                assertThat(firstApply.path("member").asText()).isEqualTo(tenants.get(0).name());
                assertThat(firstApply.path("sql").asText()).contains("CREATE INDEX orders_customer_idx");
                assertThat(firstApply.path("beforeFingerprint").asText()).isEqualTo(variant);
                assertThat(firstApply.path("afterFingerprint").asText()).isEqualTo(goldenFp);
                JsonNode brokenApply = entries.get(4 + BROKEN);
                assertThat(brokenApply.path("member").asText()).isEqualTo(broken.name());
                assertThat(brokenApply.path("result").asText()).contains("not applied");

                // the store keeps it across a restart
                d.restart();
                JsonNode again = d.ok("GET", one, READER, null, 200);
                assertThat(again.path("state").asText()).isEqualTo("stopped");
                assertThat(again.path("members")).isEqualTo(done.path("members"));
                assertThat(d.ok("GET", rollouts, READER, null, 200).path("rollouts").get(0).path("id").asText())
                        .isEqualTo(id);
            }
        } finally {
            TestDatabase.closeAll(tenants);
        }
    }

    /**
     * Schema per tenant: the plan names the schema it was made for, so each member gets the same
     * plan written for its own schema, and each converges.
     */
    @Test
    void schemaPerTenantRolloutRunsThePlanOnEachMembersSchema() throws Exception {
        TestServer pg = TestDatabases.postgres();
        List<String> schemas = List.of("tenant_a", "tenant_b", "tenant_c");
        try (TestDatabase db = pg.createDatabase("rs")) {
            for (String s : List.of("tpl", "tenant_a", "tenant_b", "tenant_c")) {
                db.execute("CREATE SCHEMA " + s + "; SET search_path = " + s + "; " + String.join("; ", FleetSchemas.POSTGRES));
            }
            for (String s : schemas) {
                db.execute("DROP INDEX " + s + ".orders_customer_idx", "ALTER TABLE " + s + ".orders ADD COLUMN note text");
            }
            String fleets = """
                    - name: st
                      schedule: "%s"
                      golden: {url: "%s", schema: tpl}
                      apply: enabled
                      rollout: {canary: 1, wave: 10, pause: 0s}
                      discover:
                        - {url: "%s", schemas: "tenant_.*"}
                    """.formatted(DaemonHarness.NEVER, db.url(), db.url());
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("st");
                String id = d.ok("POST", "/api/v1/fleets/st/rollouts", ALICE, "{\"member\":\"tenant_b\"}", 201)
                        .path("id").asText();
                d.ok("POST", "/api/v1/fleets/st/rollouts/" + id + "/approve", BOB, "{\"destructive\":true}", 200);
                d.ok("POST", "/api/v1/fleets/st/rollouts/" + id + "/start", ALICE, null, 202);
                JsonNode done = d.awaitRollout("st", id);
                assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
                String goldenFp = engine.snapshot(db.target("tpl"), InspectOptions.DEFAULT).fingerprint();
                for (String s : schemas) {
                    assertThat(engine.snapshot(db.target(s), InspectOptions.DEFAULT).fingerprint()).as(s)
                            .isEqualTo(goldenFp);
                }
                JsonNode audit = d.ok("GET", "/api/v1/audit?rollout=" + id, READER, null, 200).path("entries");
                List<JsonNode> applies = new java.util.ArrayList<>();
                audit.forEach(e -> {
                    if (e.path("action").asText().equals("rollout-apply")) {
                        applies.add(e);
                    }
                });
                // one apply per member, the canary first: an empty audit must not pass
                assertThat(applies).extracting(e -> e.path("member").asText())
                        .containsExactlyInAnyOrderElementsOf(schemas);
                assertThat(applies.get(0).path("member").asText()).as("the canary").isEqualTo("tenant_b");
                for (JsonNode e : applies) {
                    String member = e.path("member").asText();
                    String sql = e.path("sql").asText();
                    assertThat(sql).as(member).contains("CREATE INDEX", member + ".orders");
                    for (String other : List.of("tpl", "tenant_a", "tenant_b", "tenant_c")) {
                        if (!other.equals(member)) {
                            assertThat(sql).as(member).doesNotContain(other + ".");
                        }
                    }
                }
            }
        }
    }

    private String fingerprint(TestDatabase db) {
        return engine.snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
    }
}
