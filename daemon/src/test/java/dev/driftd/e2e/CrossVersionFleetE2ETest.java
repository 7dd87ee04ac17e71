package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.EmbeddedVersions;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon on a fleet whose members run PostgreSQL 14, 16, 17 and 18 (golden: the 16 member),
 * built from one SQL file: every member is in sync although 14 prints some objects differently,
 * each member's server version is in the API and the metrics, and a real drift on the 18 member is
 * reported and cleared by the served reconcile script.
 */
class CrossVersionFleetE2ETest {
    @Test
    void aFleetAcrossMajorsIsInSyncAndARealDriftIsReconciled() throws Exception {
        dev.driftd.testing.RequiredServers.assumeAvailable(DaemonHarness.onPath("psql"), "psql is not installed");
        String[] schema;
        try (InputStream in = getClass().getResourceAsStream("/crossversion/fleet.sql")) {
            schema = StatementSplitter.texts(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    StatementSplitter.Syntax.POSTGRES).toArray(String[]::new);
        }
        TestServer pg18 = EmbeddedVersions.postgres(18);
        try (TestDatabase g16 = EmbeddedVersions.postgres(16).createDatabase("w16c_e2e16").execute(schema);
             TestDatabase m14 = EmbeddedVersions.postgres(14).createDatabase("w16c_e2e14").execute(schema);
             TestDatabase m17 = EmbeddedVersions.postgres(17).createDatabase("w16c_e2e17").execute(schema);
             TestDatabase m18 = pg18.createDatabase("w16c_e2e18").execute(schema)) {
            String fleets = """
                    - name: cv
                      schedule: "%s"
                      golden: {member: pg16}
                      timeout: 20s
                      members:
                        - {name: pg14, url: "%s"}
                        - {name: pg16, url: "%s"}
                        - {name: pg17, url: "%s"}
                        - {name: pg18, url: "%s"}
                    """.formatted(DaemonHarness.NEVER, m14.url(), g16.url(), m17.url(), m18.url());
            try (DaemonHarness d = new DaemonHarness(fleets)) {
                JsonNode first = d.sweep("cv");
                assertThat(first.path("inSync").asInt()).as(first.toString()).isEqualTo(4);

                JsonNode fleet = DaemonHarness.JSON.readTree(d.get("/api/v1/fleets/cv", DaemonHarness.READ).body());
                for (JsonNode m : fleet.path("members")) {
                    String major = m.path("name").asText().substring(2);
                    assertThat(m.path("serverVersion").asText()).as(m.toString()).startsWith(major + ".");
                    assertThat(d.metrics()).containsPattern("driftd_member_server_info\\{fleet=\"cv\",member=\""
                            + m.path("name").asText() + "\",version=\"" + major + "\\.\\d+\",major=\"" + major + "\"} 1\\.0");
                }
                // 14 prints the materialized view's columns qualified, 16 not: the servers settle it
                JsonNode diff14 = DaemonHarness.JSON.readTree(d.get("/api/v1/fleets/cv/members/pg14/diff",
                        DaemonHarness.READ).body());
                assertThat(diff14.path("inSync").asBoolean()).isTrue();
                assertThat(diff14.path("changes")).as(diff14.toString()).isEmpty();

                m18.execute("ALTER TABLE orders DROP CONSTRAINT orders_status_check",
                        "ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid'))",
                        "DROP INDEX orders_expr");
                JsonNode second = d.sweep("cv");
                assertThat(second.path("drifted").asInt()).isEqualTo(1);
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"cv\",member=\"pg18\"} 1.0")
                        .contains("driftd_member_drift{fleet=\"cv\",member=\"pg14\"} 0.0");
                JsonNode diff18 = DaemonHarness.JSON.readTree(d.get("/api/v1/fleets/cv/members/pg18/diff",
                        DaemonHarness.READ).body());
                assertThat(diff18.path("changes")).hasSize(2);
                assertThat(diff18.path("changes").toString()).contains("orders_status_check").contains("orders_expr")
                        .doesNotContain("versionDependent");

                HttpResponse<String> plan = d.get("/api/v1/fleets/cv/members/pg18/reconcile", DaemonHarness.READ);
                assertThat(plan.statusCode()).isEqualTo(200);
                DaemonHarness.runClient(plan.body(), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg18.host(),
                        "-p", String.valueOf(pg18.port()), "-U", pg18.user(), "-d", m18.name(), "-f", "-");
                JsonNode third = d.sweep("cv");
                assertThat(third.path("inSync").asInt()).as(third.toString()).isEqualTo(4);
            }
        }
    }
}
