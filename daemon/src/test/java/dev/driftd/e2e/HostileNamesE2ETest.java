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

                for (String[] pair : new String[][]{{run + "_t%31", run + "_t1"}, {run + "_t1", run + "_t%31"}}) {
                    HttpResponse<String> script = d.send("GET", "/api/v1/fleets/hn/members/" + JdbcUrl.encode(pair[0])
                            + "/reconcile?destructive=true", READER, null);
                    assertThat(script.statusCode()).as(pair[0]).isEqualTo(200);
                    assertThat(script.body()).as(pair[0]).containsPattern("DROP COLUMN `?legacy").doesNotContain(pair[1]);
                }
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

    /**
     * PostgreSQL schema-per-tenant: tenants with the same drift share a snapshot, yet the reconcile
     * script served for each names only its own schema, and a plan applied to one leaves the others.
     */
    @Test
    void postgresSchemaFleetOfHostileSchemaNames() throws Exception {
        TestServer pg = TestDatabases.postgres();
        List<String> tenants = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            String name = "s_" + suffix;
            tenants.add(name.length() > 63 ? name.substring(0, 63) : name);
        }
        try (TestDatabase db = pg.createDatabase("h_urls_hostile_schemas")) {
            db.execute("CREATE SCHEMA golden", "CREATE TABLE golden.customers (id INT PRIMARY KEY, name VARCHAR(40))");
            for (String t : tenants) {
                db.execute("CREATE SCHEMA " + pg.quote(t), "SET search_path = " + pg.quote(t), TABLE, DRIFT);
            }
            String fleets = """
                    - name: sc
                      schedule: "%s"
                      golden: {url: "%s", schema: golden}
                      apply: enabled
                      approvals: 1
                      timeout: 20s
                      discover:
                        - {url: "%s", schemas: "s_.*"}
                    """.formatted(DaemonHarness.NEVER, db.url(), db.url());
            try (PlansHarness d = new PlansHarness(fleets)) {
                d.sweep("sc");
                JsonNode fleet = d.ok("GET", "/api/v1/fleets/sc", READER, null, 200);
                List<String> names = new ArrayList<>();
                fleet.path("members").forEach(m -> names.add(m.path("name").asText()));
                assertThat(names).containsExactlyInAnyOrderElementsOf(tenants);
                assertThat(fleet.path("variants").size()).isEqualTo(1);
                for (String t : tenants) {
                    HttpResponse<String> script = d.send("GET", "/api/v1/fleets/sc/members/" + JdbcUrl.encode(t)
                            + "/reconcile?destructive=true", READER, null);
                    assertThat(script.statusCode()).as(t).isEqualTo(200);
                    assertThat(script.body()).as(t).contains(ident(pg, t) + ".customers")
                            .contains("SET search_path = " + ident(pg, t) + ";");
                    for (String other : tenants) {
                        if (!other.equals(t)) {
                            assertThat(script.body()).as("script for %s", t).doesNotContain(ident(pg, other) + ".");
                        }
                    }
                }
                String applied = "s_t%31";
                String path = "/api/v1/fleets/sc/members/" + JdbcUrl.encode(applied) + "/plans";
                String id = d.ok("POST", path, ALICE, null, 201).path("id").asText();
                d.ok("POST", path + "/" + id + "/approve", BOB, "{\"destructive\":true}", 200);
                assertThat(d.ok("POST", path + "/" + id + "/apply", ALICE, null, 200).path("state").asText())
                        .isEqualTo("applied");
                String goldenFp = engine.snapshot(db.target("golden"), InspectOptions.DEFAULT).fingerprint();
                for (String t : tenants) {
                    String fp = engine.snapshot(db.target(t), InspectOptions.DEFAULT).fingerprint();
                    if (t.equals(applied)) {
                        assertThat(fp).as(t).isEqualTo(goldenFp);
                    } else {
                        assertThat(fp).as("%s is untouched", t).isNotEqualTo(goldenFp);
                    }
                }
            }
        }
    }

    /** A schema as PostgreSQL DDL writes it: bare when it is a plain lower-case identifier, else quoted. */
    private static String ident(TestServer pg, String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : pg.quote(name);
    }
}
