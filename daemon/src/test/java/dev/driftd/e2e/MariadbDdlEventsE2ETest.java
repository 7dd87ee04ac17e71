package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DDL reported by the JDBC proxy on MariaDB: members found by discovery (database URLs built by
 * the daemon), DDL through the real proxy driver on one database, drift of that member only,
 * attributed; a statement that names another member's database ({@code USE} elsewhere, qualified
 * name) is attributed to the database it changed.
 */
class MariadbDdlEventsE2ETest {
    static final String[] SCHEMA = {
            "CREATE TABLE items (id BIGINT PRIMARY KEY, sku VARCHAR(64) NOT NULL UNIQUE) ENGINE=InnoDB"};

    @Test
    void proxyReportedDdlOnDiscoveredMembers() throws Exception {
        assumeTrue(EventDaemon.PROXY_CLASSES != null, "proxy/target/classes not built (mvn -pl proxy compile)");
        TestServer my = TestDatabases.mysql();
        String run = "ev" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = my.createDatabase(run + "_golden").execute(SCHEMA);
             TestDatabase t1 = my.createDatabase(run + "_t1").execute(SCHEMA);
             TestDatabase t2 = my.createDatabase(run + "_t2").execute(SCHEMA)) {
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {url: "%s"}
                      timeout: 10s
                      discover:
                        - {url: "%s", databases: "%s_t.*"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), my.url(""), run);
            try (EventDaemon d = new EventDaemon(fleets)) {
                d.sweep("shop");
                String s1 = "{fleet=\"shop\",member=\"" + t1.name() + "\"}";
                String s2 = "{fleet=\"shop\",member=\"" + t2.name() + "\"}";
                assertThat(d.metric("driftd_ddl_events_total" + s1)).isEqualTo(0.0);
                assertThat(d.metric("driftd_ddl_events_total" + s2)).isEqualTo(0.0);

                try (Connection c = d.proxied(t1.url(), "shop-admin"); Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE items ADD COLUMN price INT");
                    // connected to t1, but the statement names t2's table: t2 is the member it changed
                    s.execute("CREATE INDEX items_sku_hotfix ON `" + t2.name() + "`.items (sku, id)");
                }
                JsonNode fleet = d.await("/api/v1/fleets/shop", Duration.ofSeconds(10),
                        f -> EventDaemon.member(f, t1.name()).path("state").asText().equals("drifted")
                                && EventDaemon.member(f, t2.name()).path("state").asText().equals("drifted"));
                JsonNode last1 = EventDaemon.member(fleet, t1.name()).path("lastDdl");
                assertThat(last1.path("statement").asText()).isEqualTo("ALTER TABLE items ADD COLUMN price INT");
                assertThat(last1.path("application").asText()).isEqualTo("shop-admin");
                assertThat(last1.path("user").asText()).startsWith(my.user());
                assertThat(EventDaemon.member(fleet, t2.name()).path("lastDdl").path("statement").asText())
                        .contains("items_sku_hotfix");
                assertThat(d.metric("driftd_ddl_events_total" + s1)).isEqualTo(1.0);
                assertThat(d.metric("driftd_ddl_events_total" + s2)).isEqualTo(1.0);
                assertThat(d.metric("driftd_member_drift" + s1)).isEqualTo(1.0);
                assertThat(d.metric("driftd_member_drift" + s2)).isEqualTo(1.0);
                JsonNode diff = d.getJson("/api/v1/fleets/shop/members/" + t2.name() + "/diff");
                assertThat(diff.path("changes").toString()).contains("items_sku_hotfix");
                assertThat(diff.path("recentDdl")).hasSize(1);
            }
        }
    }
}
