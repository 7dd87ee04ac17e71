package dev.driftd.demo;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo as a user runs it: embedded PostgreSQL, drifted tenants, the daemon, /metrics; then everything gone. */
class DemoSmokeTest {
    @Test
    void demoShowsDriftedTenantsAndCleansUp() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int pgPort;
        try (Demo demo = Demo.start(new InetSocketAddress("127.0.0.1", 0))) {
            pgPort = demo.postgresPort();
            assertThat(demo.firstSweep().members()).isEqualTo(DemoFleet.TENANTS.size());
            assertThat(demo.firstSweep().drifted()).isEqualTo(DemoFleet.DRIFTS.size());
            assertThat(demo.firstSweep().unreachable()).isZero();
            String base = "http://127.0.0.1:" + demo.daemon().address().getPort();

            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (DemoFleet.Drift d : DemoFleet.DRIFTS) {
                assertThat(metrics).contains("driftd_member_drift{fleet=\"tenants\",member=\"tenant_" + d.tenant() + "\"} 1.0");
            }
            assertThat(metrics).contains("driftd_member_drift{fleet=\"tenants\",member=\"tenant_acme\"} 0.0")
                    .contains("driftd_fleet_members{fleet=\"tenants\",state=\"drifted\"} 4.0");

            // the printed admin token works; the API is closed without it
            HttpRequest fleet = HttpRequest.newBuilder(URI.create(base + "/api/v1/fleets/tenants"))
                    .header("Authorization", "Bearer " + demo.adminToken()).build();
            assertThat(client.send(fleet, HttpResponse.BodyHandlers.ofString()).body()).contains("tenant_hooli");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/fleets/tenants")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            // the console (whose URL the demo prints) is served, and both printed tokens sign in with their role
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/ui/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("/ui/app.js");
            for (String[] t : new String[][]{{demo.adminToken(), "admin"}, {demo.readToken(), "read"}}) {
                assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/whoami"))
                        .header("Authorization", "Bearer " + t[0]).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .contains("\"role\" : \"" + t[1] + "\"");
            }
        }
        // stopped: the embedded server no longer answers
        int port = pgPort;
        assertThatThrownBy(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/postgres?user=postgres&connectTimeout=2")) {
                c.isValid(1);
            }
        }).isInstanceOf(java.sql.SQLException.class);
    }
}
