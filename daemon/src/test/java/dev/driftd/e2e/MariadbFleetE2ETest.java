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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The daemon on a real MySQL-family fleet (the local MariaDB): drift in the metrics after one
 * sweep, the served script applied with the mysql client clears it, discovery finds a new database.
 */
class MariadbFleetE2ETest {
    static final String[] SCHEMA = FleetSchemas.MARIADB;

    @Test
    void driftReconcileWithMysqlClientAndDiscovery() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server (local, env or Docker)");
        dev.driftd.testing.RequiredServers.assumeAvailable(DaemonHarness.onPath("mysql"), "the mysql client is not installed");
        String run = "e2e" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = my.createDatabase(run + "_golden").execute(SCHEMA);
             TestDatabase t1 = my.createDatabase(run + "_t1").execute(SCHEMA);
             TestDatabase t2 = my.createDatabase(run + "_t2").execute(SCHEMA)) {
            t2.execute("ALTER TABLE orders ADD COLUMN note varchar(50) NULL AFTER customer_id",
                    "CREATE INDEX orders_total_hotfix ON orders (total_cents)",
                    "ALTER TABLE customers MODIFY email varchar(100) NOT NULL");
            String server = "jdbc:mysql://" + my.host() + ":" + my.port() + "/?user=" + my.user()
                    + (my.password() == null || my.password().isEmpty() ? "" : "&password=" + my.password());
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {url: "%s"}
                      timeout: 10s
                      discover:
                        - {url: "%s", databases: "%s_t.*"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), server, run);
            try (DaemonHarness d = new DaemonHarness(fleets)) {
                JsonNode first = d.sweep("shop");
                assertThat(first.path("members").asInt()).isEqualTo(2);
                assertThat(first.path("drifted").asInt()).isEqualTo(1);
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"shop\",member=\"" + t2.name() + "\"} 1.0")
                        .contains("driftd_member_drift{fleet=\"shop\",member=\"" + t1.name() + "\"} 0.0");
                // each member's server version as the server reports it (VERSION()), in the API and the metrics
                String version;
                try (java.sql.Connection c = t1.connect(); java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                    rs.next();
                    version = rs.getString(1);
                }
                JsonNode fleet = DaemonHarness.JSON.readTree(d.get("/api/v1/fleets/shop", DaemonHarness.READ).body());
                assertThat(fleet.path("members").findValuesAsText("serverVersion")).containsOnly(version);
                assertThat(d.metrics()).contains("driftd_member_server_info{fleet=\"shop\",member=\"" + t1.name()
                        + "\",version=\"" + version + "\",major=\"" + version.replaceFirst("\\..*", "") + "\"} 1.0");

                HttpResponse<String> plan = d.get("/api/v1/fleets/shop/members/" + t2.name()
                        + "/reconcile?destructive=true", DaemonHarness.READ);
                assertThat(plan.statusCode()).isEqualTo(200);
                assertThat(plan.body()).contains("ALTER TABLE");
                java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("mysql", "-h", my.host(),
                        "-P", String.valueOf(my.port()), "-u", my.user()));
                if (my.password() != null && !my.password().isEmpty()) {
                    cmd.add("-p" + my.password());
                }
                cmd.add(t2.name());
                DaemonHarness.runClient(plan.body(), cmd.toArray(String[]::new));

                try (TestDatabase t3 = my.createDatabase(run + "_t3").execute(SCHEMA)) {
                    JsonNode second = d.sweep("shop");
                    assertThat(second.path("members").asInt()).isEqualTo(3);
                    assertThat(second.path("inSync").asInt()).isEqualTo(3);
                    assertThat(d.metrics())
                            .contains("driftd_member_drift{fleet=\"shop\",member=\"" + t2.name() + "\"} 0.0")
                            .contains("driftd_member_drift{fleet=\"shop\",member=\"" + t3.name() + "\"} 0.0")
                            .contains("driftd_fleet_variants{fleet=\"shop\"} 1.0");
                }
            }
        }
    }
}
