package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcUrl;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Flavor;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.driftd.e2e.PlansHarness.ALICE;
import static dev.driftd.e2e.PlansHarness.BOB;
import static dev.driftd.e2e.PlansHarness.READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovered databases named to fool a URL parser or a SQL writer, on the real daemon: each is
 * swept as itself or skipped with a warning and a metric, and a plan approved and applied for
 * {@code …_t%31} changes that database and never {@code …_t1} (which has the same drift).
 */
class HostileNamesE2ETest {
    static final String TABLE = "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40))";
    static final String DRIFT = "ALTER TABLE customers ADD COLUMN legacy INT";
    /** Name suffixes after {@code <run>_}: the run prefix is 10 characters, so the long ones reach 63 and 64. */
    static final List<String> SUFFIXES = List.of("t%31", "t1", "t+b", "t b", "t/x", "t?sslmode=require",
            "t?allowLoadLocalInfile=true&x=", "t&y=1", "t\"q'", "t`b;c", "t\u00fc\u8868", "t#f",
            "L" + "a".repeat(51), "M" + "b".repeat(52));

    final Engine engine = new Engine();

    @Test
    void postgresFleetOfHostileDatabaseNames() throws Exception {
        hostileFleet(TestDatabases.postgres());
    }

    @Test
    void mariadbFleetOfHostileDatabaseNames() throws Exception {
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        hostileFleet(my);
    }

    private void hostileFleet(TestServer server) throws Exception {
        boolean pg = server.family() == Flavor.POSTGRES;
        String run = "hn" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<TestDatabase> dbs = new ArrayList<>();
        Map<String, TestDatabase> byName = new LinkedHashMap<>();
        try (TestDatabase golden = server.createDatabase("g" + run).execute(TABLE)) {
            for (String suffix : SUFFIXES) {
                String name = run + "_" + suffix;
                TestDatabase db = server.createDatabaseNamed(name);
                dbs.add(db);
                // PostgreSQL cuts names at 63 bytes (the 64-character one exists under 63): that is its name
                String actual = pg && name.length() > 63 ? name.substring(0, 63) : name;
                byName.put(actual, db);
                db.execute(TABLE);
            }
            assertThat(byName.keySet()).anySatisfy(n -> assertThat(n).hasSize(pg ? 63 : 64));
            // a name with a control character: skipped, never approximated
            TestDatabase newline = server.createDatabaseNamed(run + "_n\nl");
            dbs.add(newline);
            byName.get(run + "_t%31").execute(DRIFT);
            byName.get(run + "_t1").execute(DRIFT);

            String fleets = """
                    - name: hn
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      approvals: 1
                      timeout: 20s
                      discover:
                        - {url: "%s", databases: "(?s)%s_.*"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), server.url(pg ? "postgres" : ""), run);
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("hn");
                JsonNode fleet = d.ok("GET", "/api/v1/fleets/hn", READER, null, 200);
                Map<String, JsonNode> members = new HashMap<>();
                fleet.path("members").forEach(m -> members.put(m.path("name").asText(), m));
                assertThat(members.keySet()).containsExactlyInAnyOrderElementsOf(byName.keySet());
                assertThat(members.values()).allSatisfy(m -> assertThat(m.path("error").isNull()).as(m.toString()).isTrue());
                for (String name : byName.keySet()) {
                    boolean drifted = name.equals(run + "_t%31") || name.equals(run + "_t1");
                    assertThat(members.get(name).path("state").asText()).as(name)
                            .isEqualTo(drifted ? "drifted" : "in_sync");
                }
                assertThat(d.metrics()).contains("driftd_discovery_skipped_total{fleet=\"hn\",reason=\"control-character\"} 1.0");

                String before1 = fingerprint(byName.get(run + "_t1"));
                String path = "/api/v1/fleets/hn/members/" + JdbcUrl.encode(run + "_t%31") + "/plans";
                JsonNode plan = d.ok("POST", path, ALICE, null, 201);
                assertThat(plan.path("sql").asText()).contains("DROP COLUMN");
                String id = plan.path("id").asText();
                d.ok("POST", path + "/" + id + "/approve", BOB, "{\"destructive\":true}", 200);
                JsonNode applied = d.ok("POST", path + "/" + id + "/apply", ALICE, null, 200);
                assertThat(applied.path("state").asText()).isEqualTo("applied");

                assertThat(fingerprint(byName.get(run + "_t%31"))).isEqualTo(fingerprint(golden));
                assertThat(fingerprint(byName.get(run + "_t1"))).as("the look-alike is untouched").isEqualTo(before1)
                        .isNotEqualTo(fingerprint(golden));
                HttpResponse<String> audit = d.send("GET", "/api/v1/audit?fleet=hn", READER, null);
                assertThat(audit.body()).contains(run + "_t%31");

                d.sweep("hn");
                JsonNode after = d.ok("GET", "/api/v1/fleets/hn", READER, null, 200);
                after.path("members").forEach(m -> assertThat(m.path("state").asText()).as(m.toString())
                        .isEqualTo(m.path("name").asText().equals(run + "_t1") ? "drifted" : "in_sync"));
            }
        } finally {
            TestDatabase.closeAll(dbs);
        }
    }

    private String fingerprint(TestDatabase db) {
        return engine.snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
    }
}
