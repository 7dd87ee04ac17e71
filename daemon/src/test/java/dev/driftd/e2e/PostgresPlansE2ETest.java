package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
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
 * Stored plans on real PostgreSQL through the HTTP API: two-person approval (the maker's does not
 * count, destructive plans need destructive approval), a target changed after planning gives 409,
 * a table lock held elsewhere makes the apply hit its lock timeout and leaves the schema exactly as
 * it was, then the same plan applies, is verified in its transaction and converges; the audit log
 * names tokens, never secrets.
 */
class PostgresPlansE2ETest {
    static final String[] SCHEMA = PostgresFleetE2ETest.SCHEMA;
    final Engine engine = new Engine();

    @Test
    void approveLockTimeoutStaleAndConverge() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String run = "pl" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = pg.createDatabase(run + "_golden").execute(SCHEMA);
             TestDatabase t1 = pg.createDatabase(run + "_t1").execute(SCHEMA);
             TestDatabase t2 = pg.createDatabase(run + "_t2").execute(SCHEMA)) {
            // t1: a golden index missing (additive fix) and an extra column (destructive fix)
            t1.execute("DROP INDEX orders_customer_idx", "ALTER TABLE orders ADD COLUMN note text");
            t2.execute("ALTER TABLE orders ADD COLUMN note text");
            String fleets = """
                    - name: pg
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      approvals: 2
                      timeout: 10s
                      members:
                        - {name: t1, url: "%s"}
                        - {name: t2, url: "%s"}
                    - name: ro
                      schedule: "%s"
                      golden: {url: "%s"}
                      members:
                        - {name: t1, url: "%s"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), t1.url(), t2.url(),
                    DaemonHarness.NEVER, golden.url(), t1.url());
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("pg");
                d.sweep("ro");
                String t1Plans = "/api/v1/fleets/pg/members/t1/plans";
                assertThat(d.send("POST", t1Plans, READER, null).statusCode()).isEqualTo(403);

                JsonNode plan = d.ok("POST", t1Plans, ALICE, null, 201);
                String id = plan.path("id").asText();
                assertThat(plan.path("state").asText()).isEqualTo("planned");
                assertThat(plan.path("destructive").asBoolean()).isTrue();
                assertThat(plan.path("createdBy").asText()).isEqualTo("alice");
                assertThat(plan.path("goldenFingerprint").asText()).hasSize(64);
                String before = plan.path("targetFingerprint").asText();
                assertThat(before).isEqualTo(fingerprint(t1));
                assertThat(plan.path("sql").asText()).contains("CREATE INDEX").contains("DROP COLUMN");
                assertThat(plan.path("statements").toString()).contains("\"destructive\":true");
                assertThat(d.ok("GET", t1Plans + "/" + id, READER, null, 200).path("id").asText()).isEqualTo(id);

                // approvals: the maker's does not count; destructive needs destructive; two needed
                assertThat(d.send("POST", t1Plans + "/" + id + "/approve", ALICE, "{\"destructive\":true}").statusCode())
                        .isEqualTo(403);
                HttpResponse<String> notDestructive = d.send("POST", t1Plans + "/" + id + "/approve", BOB, "{}");
                assertThat(notDestructive.statusCode()).isEqualTo(409);
                assertThat(notDestructive.body()).contains("destructive");
                // only JSON true approves destructive statements; trailing garbage is no body (issue 14 item 8)
                for (String notTrue : List.of("{\"destructive\":1}", "{\"destructive\":\"true\"}",
                        "{\"destructive\":true} x", "{\"destructive\":true}{}")) {
                    HttpResponse<String> refused = d.send("POST", t1Plans + "/" + id + "/approve", BOB, notTrue);
                    assertThat(refused.statusCode()).as(notTrue + ": " + refused.body()).isEqualTo(400);
                }
                d.ok("POST", t1Plans + "/" + id + "/approve", BOB, "{\"destructive\":true}", 200);
                assertThat(d.send("POST", t1Plans + "/" + id + "/approve", BOB, "{\"destructive\":true}").statusCode())
                        .isEqualTo(409);
                HttpResponse<String> oneApproval = d.send("POST", t1Plans + "/" + id + "/apply", ALICE, null);
                assertThat(oneApproval.statusCode()).isEqualTo(409);
                assertThat(oneApproval.body()).contains("needs 2 approvals").contains("has 1");
                JsonNode approved = d.ok("POST", t1Plans + "/" + id + "/approve", CAROL, "{\"destructive\":true}", 200);
                assertThat(approved.path("approvals").size()).isEqualTo(2);

                // a fleet without `apply: enabled` refuses
                JsonNode roPlan = d.ok("POST", "/api/v1/fleets/ro/members/t1/plans", ALICE, null, 201);
                HttpResponse<String> disabled = d.send("POST", "/api/v1/fleets/ro/members/t1/plans/"
                        + roPlan.path("id").asText() + "/apply", ALICE, null);
                assertThat(disabled.statusCode()).isEqualTo(403);
                assertThat(disabled.body()).contains("apply: enabled");

                // a lock held by another session: the apply hits its lock timeout, nothing changes
                try (Connection locker = t1.connect(); Statement st = locker.createStatement()) {
                    locker.setAutoCommit(false);
                    st.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
                    HttpResponse<String> locked = d.send("POST", t1Plans + "/" + id + "/apply", ALICE, null);
                    assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);
                    assertThat(locked.body()).contains("rolled back").contains("lock timeout");
                    locker.rollback();
                }
                assertThat(fingerprint(t1)).isEqualTo(before);
                assertThat(d.ok("GET", t1Plans + "/" + id, READER, null, 200).path("state").asText()).isEqualTo("failed");

                // lock gone: the same plan applies, verified inside its transaction
                JsonNode applied = d.ok("POST", t1Plans + "/" + id + "/apply", ALICE, null, 200);
                assertThat(applied.path("state").asText()).isEqualTo("applied");
                assertThat(engine.diff(engine.snapshot(golden.target(), InspectOptions.DEFAULT),
                        engine.snapshot(t1.target(), InspectOptions.DEFAULT)).driftChanges()).isEmpty();
                assertThat(d.send("POST", t1Plans + "/" + id + "/apply", ALICE, null).statusCode()).isEqualTo(409);

                // t2 changes after planning: 409, the plan is stale, nothing ran
                String t2Plans = "/api/v1/fleets/pg/members/t2/plans";
                String id2 = d.ok("POST", t2Plans, ALICE, null, 201).path("id").asText();
                d.ok("POST", t2Plans + "/" + id2 + "/approve", BOB, "{\"destructive\":true}", 200);
                d.ok("POST", t2Plans + "/" + id2 + "/approve", CAROL, "{\"destructive\":true}", 200);
                t2.execute("ALTER TABLE customers ADD COLUMN late text");
                String changed = fingerprint(t2);
                HttpResponse<String> stale = d.send("POST", t2Plans + "/" + id2 + "/apply", ALICE, null);
                assertThat(stale.statusCode()).isEqualTo(409);
                assertThat(stale.body()).contains("target changed since planning").contains("make a new plan");
                assertThat(fingerprint(t2)).isEqualTo(changed);
                assertThat(d.ok("GET", t2Plans + "/" + id2, READER, null, 200).path("state").asText()).isEqualTo("stale");

                // the audit log: plan, approvals, applies by token name; no secret anywhere
                HttpResponse<String> auditRaw = d.send("GET", "/api/v1/audit?fleet=pg&member=t1", READER, null);
                assertThat(auditRaw.statusCode()).isEqualTo(200);
                assertThat(auditRaw.body()).doesNotContain(ALICE).doesNotContain(BOB).doesNotContain(CAROL);
                List<String> actions = new ArrayList<>();
                for (JsonNode e : PlansHarness.JSON.readTree(auditRaw.body()).path("entries")) {
                    actions.add(e.path("action").asText() + ":" + e.path("token").asText());
                    assertThat(e.path("member").asText()).isEqualTo("t1");
                }
                assertThat(actions).containsExactly("plan:alice", "approve:bob", "approve:carol", "apply:alice",
                        "apply:alice");
                JsonNode last = PlansHarness.JSON.readTree(auditRaw.body()).path("entries").get(4);
                assertThat(last.path("beforeFingerprint").asText()).isEqualTo(before);
                assertThat(last.path("afterFingerprint").asText()).isEqualTo(fingerprint(t1));
                assertThat(last.path("sql").asText()).contains("CREATE INDEX");
                assertThat(d.ok("GET", "/api/v1/audit?fleet=pg&since=2999-01-01T00:00:00Z", READER, null, 200)
                        .path("entries").size()).isZero();
                assertThat(d.send("GET", "/api/v1/audit?since=yesterday", READER, null).statusCode()).isEqualTo(400);
                // a year Instant can hold but no store can: 400, not 500 (issue 14 item 8)
                assertThat(d.send("GET", "/api/v1/audit?since=%2B1000000000-01-01T00:00:00Z", READER, null).statusCode())
                        .isEqualTo(400);
                assertThat(d.send("GET", "/api/v1/audit?until=-0001-01-01T00:00:00Z", READER, null).statusCode())
                        .isEqualTo(400);
            }
        }
    }

    private String fingerprint(TestDatabase db) {
        return engine.snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
    }
}
