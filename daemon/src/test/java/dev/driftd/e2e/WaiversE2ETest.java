package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Waivers on real fleets (PostgreSQL and MariaDB): a waiver silences exactly its changes (member in
 * sync, driftd_member_drift 0, the change still shown as waived); a new change on the same member
 * alerts again; a short waiver's expiry re-alerts without a sweep; removal re-alerts; waivers and
 * their effect survive a restart on the same store; configured waivers are read-only; every
 * create, expiry and removal is in the audit log.
 */
class WaiversE2ETest {
    @Test
    void postgresFleet() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        run(pg, FleetSchemas.POSTGRES, "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "ALTER TABLE orders ADD COLUMN note text", "ALTER TABLE orders DROP COLUMN note",
                "CREATE TABLE tmp_hotfix (id int)");
    }

    @Test
    void mariadbFleet() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        run(my, FleetSchemas.MARIADB, "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "ALTER TABLE orders ADD COLUMN note varchar(50) NULL", "ALTER TABLE orders DROP COLUMN note",
                "CREATE TABLE tmp_hotfix (id int)");
    }

    private static void run(TestServer server, String[] schema, String hotfix, String newChange, String undoNewChange,
                            String shortLived) throws Exception {
        String run = "w15a_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = server.createDatabase(run + "_golden").execute(schema);
             TestDatabase acme = server.createDatabase(run + "_acme").execute(schema).execute(hotfix);
             TestDatabase beta = server.createDatabase(run + "_beta").execute(schema).execute(shortLived)) {
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {url: "%s"}
                      approvals: 2
                      timeout: 20s
                      members:
                        - {name: acme, url: "%s"}
                        - {name: beta, url: "%s"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), acme.url(), beta.url());
            try (DaemonHarness d = new DaemonHarness(fleets)) {
                assertThat(d.sweep("shop").path("drifted").asInt()).isEqualTo(2);
                JsonNode index = only(diff(d, "acme"), "orders_big_idx");
                assertThat(index.path("disposition").asText()).isEqualTo("drift");
                String kind = index.path("kind").asText();
                String object = index.path("object").asText();

                // bad requests, each with a clear one-line reason
                String waivers = "/api/v1/fleets/shop/waivers";
                String good = body("acme", kind, object, "\"7d\"");
                assertStatus(d.send("POST", waivers, DaemonHarness.READ, good), 403, "needs admin");
                assertStatus(d.send("POST", waivers, DaemonHarness.ADMIN, body("acme", kind, object, null)), 400,
                        "a waiver needs \\\"expires\\\"");
                assertStatus(d.send("POST", waivers, DaemonHarness.ADMIN,
                        body("acme", kind, object, "\"2020-01-01T00:00:00Z\"")), 400, "is not in the future");
                assertStatus(d.send("POST", waivers, DaemonHarness.ADMIN, body("nobody", kind, object, "\"7d\"")), 404,
                        "no member 'nobody'");
                assertStatus(d.send("POST", "/api/v1/fleets/nope/waivers", DaemonHarness.ADMIN, good), 404,
                        "no fleet 'nope'");
                assertStatus(d.send("POST", waivers, DaemonHarness.ADMIN,
                        body("acme", "table", object.replace("orders_big_idx", "no_such_table"), "\"7d\"")), 409,
                        "not drifting on member 'acme' now: table");

                // the hotfix's index, waived for 7 days: acme is in sync, its index still shown, as waived
                HttpResponse<String> made = d.send("POST", waivers, DaemonHarness.ADMIN, good);
                assertStatus(made, 201, "\"state\" : \"active\"");
                JsonNode waiver = DaemonHarness.JSON.readTree(made.body());
                String id = waiver.path("id").asText();
                assertThat(Instant.parse(waiver.path("expires").asText()))
                        .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(120), Instant.now().plus(Duration.ofDays(7)));
                assertThat(state(d, "acme")).isEqualTo("in_sync");
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"shop\",member=\"acme\"} 0.0")
                        .contains("driftd_member_waived_changes{fleet=\"shop\",member=\"acme\"} 1.0")
                        .contains("driftd_waiver_expiry_timestamp_seconds{fleet=\"shop\",member=\"acme\"}")
                        .contains("driftd_member_drift{fleet=\"shop\",member=\"beta\"} 1.0");
                JsonNode waived = only(diff(d, "acme"), "orders_big_idx");
                assertThat(waived.path("disposition").asText()).isEqualTo("waived");
                assertThat(waived.path("waiver").asText()).isEqualTo(id);
                assertThat(d.sweep("shop").path("drifted").asInt()).isEqualTo(1); // only beta

                // a new change on the same member alerts: drifted again, only the new change counts
                acme.execute(newChange);
                d.sweep("shop");
                assertThat(state(d, "acme")).isEqualTo("drifted");
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"shop\",member=\"acme\"} 1.0")
                        .contains("driftd_member_waived_changes{fleet=\"shop\",member=\"acme\"} 1.0");
                JsonNode both = diff(d, "acme");
                assertThat(only(both, "note").path("disposition").asText()).isEqualTo("drift");
                assertThat(only(both, "orders_big_idx").path("disposition").asText()).isEqualTo("waived");

                // all of it survives a restart on the same store
                d.restart();
                assertThat(state(d, "acme")).isEqualTo("drifted");
                assertThat(list(d)).anySatisfy(w -> assertThat(w.path("id").asText()).isEqualTo(id));
                acme.execute(undoNewChange);
                d.sweep("shop");
                assertThat(state(d, "acme")).isEqualTo("in_sync");

                // a short waiver re-alerts by itself at expiry (no sweep), and its expiry is audited
                HttpResponse<String> brief = d.send("POST", waivers, DaemonHarness.ADMIN,
                        body("beta", "table", only(diff(d, "beta"), "tmp_hotfix").path("object").asText(), "\"5s\""));
                assertStatus(brief, 201, "\"member\" : \"beta\"");
                String briefId = DaemonHarness.JSON.readTree(brief.body()).path("id").asText();
                assertThat(state(d, "beta")).isEqualTo("in_sync");
                Awaitility.await("beta drifts again when its waiver expires").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> d.metrics().contains("driftd_member_drift{fleet=\"shop\",member=\"beta\"} 1.0"));
                assertThat(state(d, "beta")).isEqualTo("drifted");
                assertThat(d.metrics()).contains("driftd_member_waived_changes{fleet=\"shop\",member=\"beta\"} 0.0")
                        .doesNotContain("driftd_waiver_expiry_timestamp_seconds{fleet=\"shop\",member=\"beta\"}");
                Awaitility.await("the expiry audited").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> audit(d).contains("\"action\" : \"waiver-expire\"") && audit(d).contains(briefId));
                assertThat(list(d)).anySatisfy(w -> {
                    assertThat(w.path("id").asText()).isEqualTo(briefId);
                    assertThat(w.path("state").asText()).isEqualTo("expired");
                });

                // removal re-alerts, and is audited with the creation
                assertStatus(d.send("DELETE", waivers + "/" + id, DaemonHarness.ADMIN), 200, "deleted");
                assertStatus(d.send("DELETE", waivers + "/" + id, DaemonHarness.ADMIN), 404, "no waiver");
                assertThat(state(d, "acme")).isEqualTo("drifted");
                String audit = audit(d);
                assertThat(audit).contains("\"action\" : \"waiver-create\"").contains("\"action\" : \"waiver-delete\"")
                        .contains(id);

                // a configured waiver (bound by the fingerprint the diff shows) works the same and is read-only
                String fp = only(diff(d, "acme"), "orders_big_idx").path("fingerprint").asText();
                Files.writeString(d.dir.resolve("driftd.yaml"), Files.readString(d.dir.resolve("driftd.yaml"))
                        + ("    waivers:\n"
                        + "      - id: hotfix-4411\n"
                        + "        member: acme\n"
                        + "        owner: team-payments\n"
                        + "        reason: \"INC-4411 index until the next release\"\n"
                        + "        expires: \"%s\"\n"
                        + "        changes:\n"
                        + "          - {kind: \"%s\", object: \"%s\", fingerprint: \"%s\"}\n").formatted(Instant.now().plus(Duration.ofDays(3)), kind, object, fp));
                assertStatus(d.send("POST", "/api/v1/reload", DaemonHarness.ADMIN), 200, "reloaded");
                assertThat(state(d, "acme")).isEqualTo("in_sync");
                assertThat(only(diff(d, "acme"), "orders_big_idx").path("waiver").asText()).isEqualTo("hotfix-4411");
                assertStatus(d.send("DELETE", waivers + "/hotfix-4411", DaemonHarness.ADMIN), 409,
                        "declared in the configuration file");
            }
        }
    }

    private static String body(String member, String kind, String object, String expires) {
        return "{\"member\":\"" + member + "\",\"owner\":\"team-payments\",\"reason\":\"hotfix INC-4411\","
                + (expires == null ? "" : "\"expires\":" + expires + ",")
                + "\"changes\":[{\"kind\":\"" + kind + "\",\"object\":\"" + object + "\"}]}";
    }

    private static void assertStatus(HttpResponse<String> r, int status, String bodyPart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(bodyPart);
    }

    private static JsonNode diff(DaemonHarness d, String member) throws IOException, InterruptedException {
        HttpResponse<String> r = d.get("/api/v1/fleets/shop/members/" + member + "/diff", DaemonHarness.READ);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return DaemonHarness.JSON.readTree(r.body());
    }

    /** The one change whose object's name contains {@code name}. */
    private static JsonNode only(JsonNode diff, String name) {
        JsonNode found = null;
        for (JsonNode c : diff.path("changes")) {
            if (c.path("object").asText().contains(name) && c.path("drift").asBoolean(true)) {
                assertThat(found).as("one change named " + name + " in " + diff).isNull();
                found = c;
            }
        }
        assertThat(found).as("a change named " + name + " in " + diff).isNotNull();
        return found;
    }

    private static String state(DaemonHarness d, String member) throws IOException, InterruptedException {
        HttpResponse<String> r = d.get("/api/v1/fleets/shop", DaemonHarness.READ);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode m : DaemonHarness.JSON.readTree(r.body()).path("members")) {
            if (m.path("name").asText().equals(member)) {
                return m.path("state").asText();
            }
        }
        throw new AssertionError("no member " + member + " in " + r.body());
    }

    private static JsonNode list(DaemonHarness d) throws IOException, InterruptedException {
        HttpResponse<String> r = d.get("/api/v1/fleets/shop/waivers", DaemonHarness.READ);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return DaemonHarness.JSON.readTree(r.body()).path("waivers");
    }

    private static String audit(DaemonHarness d) throws IOException, InterruptedException {
        HttpResponse<String> r = d.get("/api/v1/audit?fleet=shop", DaemonHarness.READ);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
