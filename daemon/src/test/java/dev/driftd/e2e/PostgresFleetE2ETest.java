package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon on a real PostgreSQL fleet, driven only through its HTTP face: drift shows in the
 * metrics after one sweep, the served reconcile script applied with psql clears it, a new
 * database is discovered, a member that is down is unreachable while the others are swept, and
 * the API's auth answers 401/403/404.
 */
class PostgresFleetE2ETest {
    static final String[] SCHEMA = FleetSchemas.POSTGRES;

    @Test
    void driftReconcileDiscoveryDownMemberAndAuth() throws Exception {
        TestServer pg = TestDatabases.postgres();
        dev.driftd.testing.RequiredServers.assumeAvailable(DaemonHarness.onPath("psql"), "psql is not installed");
        String run = "e2e" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = pg.createDatabase(run + "_golden").execute(SCHEMA);
             TestDatabase t1 = pg.createDatabase(run + "_t1").execute(SCHEMA);
             TestDatabase t2 = pg.createDatabase(run + "_t2").execute(SCHEMA)) {
            // t2 drifted by hand: a hotfix index and a column that golden does not have; a golden column missing
            t2.execute("CREATE INDEX orders_total_hotfix ON orders (total_cents)",
                    "ALTER TABLE orders ADD COLUMN note text",
                    "ALTER TABLE customers DROP COLUMN created_at");
            String fleets = """
                    - name: pg
                      schedule: "%s"
                      golden: {url: "%s"}
                      timeout: 10s
                      discover:
                        - {url: "%s", databases: "%s_t.*"}
                      members:
                        - {name: offline, url: "jdbc:postgresql://127.0.0.1:1/nothing?user=postgres"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), pg.url("postgres"), run);
            try (DaemonHarness d = new DaemonHarness(fleets)) {
                JsonNode first = d.sweep("pg");
                assertThat(first.path("members").asInt()).isEqualTo(3);
                assertThat(first.path("inSync").asInt()).isEqualTo(1);
                assertThat(first.path("drifted").asInt()).isEqualTo(1);
                assertThat(first.path("unreachable").asInt()).isEqualTo(1);

                String m = d.metrics();
                assertThat(m).contains(series("driftd_member_drift", t2.name()) + " 1.0")
                        .contains(series("driftd_member_drift", t1.name()) + " 0.0")
                        .contains(series("driftd_member_up", "offline") + " 0.0")
                        .contains(series("driftd_member_up", t1.name()) + " 1.0")
                        .contains("driftd_snapshot_errors_total{fleet=\"pg\",member=\"offline\",reason=\"connect\"} 1.0")
                        .contains("driftd_fleet_members{fleet=\"pg\",state=\"drifted\"} 1.0")
                        .contains("driftd_fleet_variants{fleet=\"pg\"} 2.0")
                        .containsPattern("driftd_snapshot_duration_seconds_count\\{fleet=\"pg\"} [1-9]");
                assertThat(m).containsPattern(series("driftd_member_drift_changes", t2.name())
                        .replace("}", ",severity=\"breaking\"}").replace("{", "\\{") + " [1-9]");

                JsonNode diff = DaemonHarness.JSON.readTree(d.get("/api/v1/fleets/pg/members/" + t2.name() + "/diff",
                        DaemonHarness.READ).body());
                assertThat(diff.path("inSync").asBoolean()).isFalse();
                assertThat(diff.path("changes").toString()).contains("orders_total_hotfix").contains("created_at")
                        .contains("note");

                // the served script, applied with psql, brings t2 back to golden
                HttpResponse<String> plan = d.get("/api/v1/fleets/pg/members/" + t2.name()
                        + "/reconcile?destructive=true", DaemonHarness.READ);
                assertThat(plan.statusCode()).isEqualTo(200);
                assertThat(plan.body()).contains("DROP INDEX").contains("created_at");
                DaemonHarness.runClient(plan.body(), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg.host(),
                        "-p", String.valueOf(pg.port()), "-U", pg.user(), "-d", t2.name(), "-f", "-");

                // discovery: a database created since the last sweep is a member at the next one
                try (TestDatabase t3 = pg.createDatabase(run + "_t3").execute(SCHEMA)) {
                    JsonNode second = d.sweep("pg");
                    assertThat(second.path("members").asInt()).isEqualTo(4);
                    assertThat(second.path("inSync").asInt()).isEqualTo(3);
                    assertThat(second.path("drifted").asInt()).isZero();
                    assertThat(second.path("unreachable").asInt()).isEqualTo(1);
                    m = d.metrics();
                    assertThat(m).contains(series("driftd_member_drift", t2.name()) + " 0.0")
                            .contains(series("driftd_member_drift", t3.name()) + " 0.0")
                            .contains(series("driftd_member_drift_since_timestamp_seconds", t2.name()) + " NaN");
                    JsonNode fleet = DaemonHarness.JSON.readTree(d.get("/api/v1/fleets/pg", DaemonHarness.READ).body());
                    assertThat(fleet.path("variants")).hasSize(1);
                    assertThat(fleet.path("variants").get(0).path("golden").asBoolean()).isTrue();
                    assertThat(fleet.path("variants").get(0).path("members").toString()).contains(t3.name());
                }
                // t3 was dropped: its series leave with it
                d.sweep("pg");
                assertThat(d.metrics()).doesNotContain("member=\"" + run + "_t3");

                // auth and unknown things, on the real daemon
                assertThat(d.get("/api/v1/fleets/pg", null).statusCode()).isEqualTo(401);
                assertThat(d.get("/api/v1/fleets/pg", "not-a-token").statusCode()).isEqualTo(401);
                assertThat(d.send("POST", "/api/v1/fleets/pg/sweep", DaemonHarness.READ).statusCode()).isEqualTo(403);
                assertThat(d.get("/api/v1/fleets/nope", DaemonHarness.READ).statusCode()).isEqualTo(404);
                assertThat(d.get("/api/v1/fleets/pg/members/nope/diff", DaemonHarness.READ).statusCode()).isEqualTo(404);
                assertThat(d.get("/readyz", null).statusCode()).isEqualTo(200);
                assertThat(d.get("/api/v1/fleets/pg", DaemonHarness.READ).body())
                        .doesNotContain(DaemonHarness.ADMIN).doesNotContain(DaemonHarness.READ);
            }
        }
    }

    static String series(String name, String member) {
        return name + "{fleet=\"pg\",member=\"" + member + "\"}";
    }
}
