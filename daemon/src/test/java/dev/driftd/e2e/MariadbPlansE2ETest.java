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
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static dev.driftd.e2e.PlansHarness.ALICE;
import static dev.driftd.e2e.PlansHarness.BOB;
import static dev.driftd.e2e.PlansHarness.READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MariaDB plan applied statement by statement: a metadata lock held on the table of the second
 * statement stops the apply after the first (DDL commits implicitly, so that one stays done); the
 * plan is left partial at statement 2 with the target's fingerprint, and a second apply resumes
 * there once the lock is gone and finishes, verified against golden.
 */
class MariadbPlansE2ETest {
    final Engine engine = new Engine();

    @Test
    void stoppedHalfWayResumesAndFinishes() throws Exception {
        TestServer my = TestDatabases.mysql();
        String run = "mp" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = my.createDatabase(run + "_golden").execute(MariadbFleetE2ETest.SCHEMA);
             TestDatabase t1 = my.createDatabase(run + "_t1").execute(MariadbFleetE2ETest.SCHEMA)) {
            t1.execute("ALTER TABLE customers ADD COLUMN nick varchar(20)", "ALTER TABLE orders ADD COLUMN note varchar(20)");
            String fleets = """
                    - name: my
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      timeout: 10s
                      members:
                        - {name: t1, url: "%s"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), t1.url());
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("my");
                String plans = "/api/v1/fleets/my/members/t1/plans";
                JsonNode plan = d.ok("POST", plans, ALICE, null, 201);
                String id = plan.path("id").asText();
                assertThat(plan.path("statements").size()).isEqualTo(2);
                String second = plan.path("statements").get(1).path("sql").asText();
                String lockedTable = second.contains("`orders`") || second.contains(" orders ") ? "orders" : "customers";
                d.ok("POST", plans + "/" + id + "/approve", BOB, "{\"destructive\": true}", 200);

                try (Connection locker = t1.connect(); Statement st = locker.createStatement()) {
                    locker.setAutoCommit(false);
                    // an open transaction that read the table holds its metadata lock until it ends
                    st.executeQuery("SELECT * FROM " + lockedTable).close();
                    HttpResponse<String> stopped = d.send("POST", plans + "/" + id + "/apply", ALICE, null);
                    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(409);
                    assertThat(stopped.body()).contains("statement 2 of 2 failed");
                    locker.rollback();
                }
                JsonNode partial = d.ok("GET", plans + "/" + id, READER, null, 200);
                assertThat(partial.path("state").asText()).isEqualTo("partial");
                assertThat(partial.path("nextStatement").asInt()).isEqualTo(1);
                String halfway = engine.snapshot(t1.target(), InspectOptions.DEFAULT).fingerprint();
                assertThat(partial.path("resumeFingerprint").asText()).isEqualTo(halfway);
                assertThat(halfway).isNotEqualTo(plan.path("targetFingerprint").asText());

                JsonNode done = d.ok("POST", plans + "/" + id + "/apply", ALICE, null, 200);
                assertThat(done.path("state").asText()).isEqualTo("applied");
                assertThat(done.path("nextStatement").asInt()).isEqualTo(2);
                assertThat(engine.diff(engine.snapshot(golden.target(), InspectOptions.DEFAULT),
                        engine.snapshot(t1.target(), InspectOptions.DEFAULT)).driftChanges()).isEmpty();

                JsonNode audit = d.ok("GET", "/api/v1/audit?fleet=my&member=t1", READER, null, 200).path("entries");
                // plan, approve, stmt 1 ok, stmt 2 failed, apply stopped, stmt 2 ok, apply done
                assertThat(audit.size()).isEqualTo(7);
                assertThat(audit.get(2).path("result").asText()).startsWith("ok (1/2)");
                assertThat(audit.get(5).path("result").asText()).startsWith("ok (2/2)");
                assertThat(audit.get(6).path("result").asText()).isEqualTo("applied and verified");
            }
        }
    }
}
