package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.cli.Main;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ignore rules on real fleets (PostgreSQL and MariaDB): an extra table, an extra index, Flyway's
 * history table (by preset) and a column comment (by a field rule) never make a member drift and
 * never reach its reconcile SQL; a change no rule covers still does; {@code driftd diff} with the
 * same rules agrees with the daemon.
 */
class IgnoreRulesE2ETest {
    /** The fleet's rules, as the YAML list under {@code ignore:} (also written as the CLI's policy file). */
    private static final String RULES = """
            - preset:flyway
            - "table:tmp_*"
            - {kind: index, pattern: "orders.orders_big_idx"}
            - {kind: column, pattern: "orders.*", field: comment}
            """;

    @Test
    void postgresFleet() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        run(pg, FleetSchemas.POSTGRES, new String[]{
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50))",
                "CREATE TABLE tmp_import_0412 (id int, payload text)",
                "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "COMMENT ON COLUMN orders.total_cents IS 'hotfix i15 note'"},
                "ALTER TABLE orders ADD COLUMN note text");
    }

    @Test
    void mariadbFleet() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        run(my, FleetSchemas.MARIADB, new String[]{
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50))",
                "CREATE TABLE tmp_import_0412 (id int, payload text)",
                "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "ALTER TABLE orders MODIFY total_cents int NOT NULL COMMENT 'hotfix i15 note'"},
                "ALTER TABLE orders ADD COLUMN note varchar(50) NULL");
    }

    private static void run(TestServer server, String[] schema, String[] ignored, String notIgnored) throws Exception {
        String run = "i15_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = server.createDatabase(run + "_golden").execute(schema);
             TestDatabase quiet = server.createDatabase(run + "_quiet").execute(schema).execute(ignored);
             TestDatabase loud = server.createDatabase(run + "_loud").execute(schema).execute(ignored)
                     .execute(notIgnored)) {
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {url: "%s"}
                      timeout: 20s
                      members:
                        - {name: quiet, url: "%s"}
                        - {name: loud, url: "%s"}
                      ignore:
                    %s    - "view:no_such_view_*"
                    """.formatted(DaemonHarness.NEVER, golden.url(), quiet.url(), loud.url(), RULES.indent(4));
            ch.qos.logback.classic.Logger logger =
                    (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(dev.driftd.sweep.Sweep.class);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                    new ch.qos.logback.core.read.ListAppender<>();
            log.start();
            logger.addAppender(log);
            try (DaemonHarness d = new DaemonHarness(fleets)) {
                JsonNode sweep = d.sweep("shop");
                d.sweep("shop");
                logger.detachAppender(log);
                // the rule that matches nothing: one warning per load, naming the file and line; the others none
                assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                        .filteredOn(m -> m.contains("matched nothing")).singleElement().asString()
                        .matches("fleet shop: ignore rule view:no_such_view_\\* \\(.*driftd\\.yaml:\\d+\\) matched nothing");
                assertThat(sweep.path("inSync").asInt()).as(sweep.toString()).isEqualTo(1);
                assertThat(sweep.path("drifted").asInt()).as(sweep.toString()).isEqualTo(1);
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"shop\",member=\"quiet\"} 0.0")
                        .contains("driftd_member_drift{fleet=\"shop\",member=\"loud\"} 1.0");

                HttpResponse<String> diff = d.get("/api/v1/fleets/shop/members/loud/diff", DaemonHarness.READ);
                assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
                assertThat(diff.body()).contains("note");
                assertNoIgnoredObject(diff.body());

                for (String member : List.of("quiet", "loud")) {
                    HttpResponse<String> sql = d.get("/api/v1/fleets/shop/members/" + member
                            + "/reconcile?destructive=true", DaemonHarness.READ);
                    assertThat(sql.statusCode()).as(sql.body()).isEqualTo(200);
                    assertNoIgnoredObject(sql.body());
                    if (member.equals("loud")) {
                        assertThat(sql.body()).containsIgnoringCase("DROP COLUMN").contains("note");
                    } else {
                        assertThat(sql.body()).doesNotContainIgnoringCase("DROP").doesNotContainIgnoringCase("ALTER");
                    }
                }
            }

            // the CLI with the same rules (policy file) agrees; without them the quiet member drifts
            Path dir = Files.createTempDirectory("i15-cli");
            try {
                Path policy = Files.writeString(dir.resolve("policy.yaml"), "ignore:\n" + RULES.indent(2));
                Result q = cli("diff", "--golden", golden.url(), "--target", quiet.url(), "--policy", policy.toString(),
                        "--ignore", "table:no_such_*");
                assertThat(q.code).as(q.out + q.err).isEqualTo(Main.IN_SYNC);
                assertThat(q.out).contains("in sync");
                assertThat(q.err).contains("warning: ignore rule table:no_such_* (--ignore table:no_such_*) matched nothing");
                Result l = cli("diff", "--format", "sql", "--allow-destructive", "--golden", golden.url(),
                        "--target", loud.url(), "--policy", policy.toString());
                assertThat(l.code).as(l.out + l.err).isEqualTo(Main.DRIFT);
                assertThat(l.out).containsIgnoringCase("DROP COLUMN").contains("note");
                assertNoIgnoredObject(l.out);
                assertThat(l.err).doesNotContain("matched nothing");
                // each rule by --ignore as well
                Result byFlags = cli("diff", "--golden", golden.url(), "--target", quiet.url(), "--ignore", "preset:flyway",
                        "--ignore", "table:tmp_*", "--ignore", "index:orders_big_idx", "--policy",
                        Files.writeString(dir.resolve("comment.yaml"), """
                                ignore:
                                  - {kind: any, pattern: "*", field: comment}
                                """).toString());
                assertThat(byFlags.code).as(byFlags.out + byFlags.err).isEqualTo(Main.IN_SYNC);
                Result bare = cli("diff", "--golden", golden.url(), "--target", quiet.url());
                assertThat(bare.code).as(bare.out + bare.err).isEqualTo(Main.DRIFT);
                assertThat(bare.out).contains("flyway_schema_history").contains("tmp_import_0412")
                        .contains("orders_big_idx").contains("total_cents");
            } finally {
                try (var s = Files.list(dir)) {
                    s.forEach(p -> p.toFile().delete());
                }
                Files.delete(dir);
            }
        }
    }

    @Test
    void postgresStoredPlanAppliesAroundIgnoredObjects() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        storedPlan(pg, FleetSchemas.POSTGRES, new String[]{
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50))",
                "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "COMMENT ON COLUMN orders.total_cents IS 'hotfix i15 note'"}, "ALTER TABLE orders ADD COLUMN note text");
    }

    @Test
    void mariadbStoredPlanAppliesAroundIgnoredObjects() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        storedPlan(my, FleetSchemas.MARIADB, new String[]{
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50))",
                "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "ALTER TABLE orders MODIFY total_cents int NOT NULL COMMENT 'hotfix i15 note'"},
                "ALTER TABLE orders ADD COLUMN note varchar(50) NULL");
    }

    /**
     * A stored plan for a member with ignored objects and one real change: made on the filtered
     * view, applied (PostgreSQL: verified in one transaction, which must not see the ignored objects
     * as "changed since planning" nor as drift left over), and the ignored objects are still there.
     */
    private static void storedPlan(TestServer server, String[] schema, String[] ignored, String change) throws Exception {
        String run = "i15_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = server.createDatabase(run + "_golden").execute(schema);
             TestDatabase member = server.createDatabase(run + "_m").execute(schema).execute(ignored).execute(change)) {
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      timeout: 20s
                      members:
                        - {name: m, url: "%s"}
                      ignore:
                    %s""".formatted(DaemonHarness.NEVER, golden.url(), member.url(), RULES.indent(4));
            try (PlansHarness d = new PlansHarness(fleets)) {
                assertThat(d.sweep("shop").path("drifted").asInt()).isEqualTo(1);
                String plans = "/api/v1/fleets/shop/members/m/plans";
                JsonNode plan = d.ok("POST", plans, PlansHarness.ALICE, null, 201);
                assertThat(plan.path("sql").asText()).containsIgnoringCase("DROP COLUMN");
                assertNoIgnoredObject(plan.path("sql").asText());
                String id = plan.path("id").asText();
                d.ok("POST", plans + "/" + id + "/approve", PlansHarness.BOB, "{\"destructive\":true}", 200);
                JsonNode applied = d.ok("POST", plans + "/" + id + "/apply", PlansHarness.ALICE, null, 200);
                assertThat(applied.path("state").asText()).as(applied.toString()).isEqualTo("applied");
                JsonNode after = d.sweep("shop");
                assertThat(after.path("inSync").asInt()).as(after.toString()).isEqualTo(1);
            }
            try (java.sql.Connection c = member.connect(); java.sql.Statement st = c.createStatement()) {
                // the ignored objects were neither dropped nor changed by the apply
                st.executeQuery("SELECT count(*) FROM flyway_schema_history").close();
                java.sql.ResultSet idx = c.getMetaData().getIndexInfo(null, null, "orders", false, false);
                boolean found = false;
                while (idx.next()) {
                    found |= "orders_big_idx".equals(idx.getString("INDEX_NAME"));
                }
                assertThat(found).as("orders_big_idx still on " + member).isTrue();
            }
        }
    }

    @Test
    void postgresRolloutOfAVariantThatDiffersOnlyInIgnoredObjects() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        rollout(pg, FleetSchemas.POSTGRES,
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50))",
                "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)", "ALTER TABLE orders ADD COLUMN note text");
    }

    @Test
    void mariadbRolloutOfAVariantThatDiffersOnlyInIgnoredObjects() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        rollout(my, FleetSchemas.MARIADB,
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50))",
                "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)",
                "ALTER TABLE orders ADD COLUMN note varchar(50) NULL");
    }

    /**
     * Two members with the same real change but different ignored objects share one fingerprint, so
     * one rollout covers both; it applies without touching either's ignored object.
     */
    private static void rollout(TestServer server, String[] schema, String ignoredA, String ignoredB, String change)
            throws Exception {
        String run = "i15_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = server.createDatabase(run + "_golden").execute(schema);
             TestDatabase a = server.createDatabase(run + "_a").execute(schema).execute(ignoredA).execute(change);
             TestDatabase b = server.createDatabase(run + "_b").execute(schema).execute(ignoredB).execute(change)) {
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      rollout: {canary: 1, wave: 10, pause: 0s}
                      timeout: 20s
                      members:
                        - {name: a, url: "%s"}
                        - {name: b, url: "%s"}
                      ignore:
                    %s""".formatted(DaemonHarness.NEVER, golden.url(), a.url(), b.url(), RULES.indent(4));
            try (PlansHarness d = new PlansHarness(fleets)) {
                assertThat(d.sweep("shop").path("drifted").asInt()).isEqualTo(2);
                // different ignored objects, one real change: one fingerprint, one variant
                assertThat(d.metrics()).contains("driftd_fleet_variants{fleet=\"shop\"} 1.0");
                JsonNode made = d.ok("POST", "/api/v1/fleets/shop/rollouts", PlansHarness.ALICE, "{\"member\":\"a\"}", 201);
                assertThat(made.path("members").size()).as(made.toString()).isEqualTo(2);
                assertNoIgnoredObject(made.path("statements").toString());
                assertNoIgnoredObject(made.path("sql").toString());
                String id = made.path("id").asText();
                d.ok("POST", "/api/v1/fleets/shop/rollouts/" + id + "/approve", PlansHarness.BOB, "{\"destructive\":true}", 200);
                d.ok("POST", "/api/v1/fleets/shop/rollouts/" + id + "/start", PlansHarness.BOB, null, 202);
                JsonNode done = d.awaitRollout("shop", id);
                assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("counts").path("applied").asInt()).isEqualTo(2);
                assertThat(d.sweep("shop").path("inSync").asInt()).isEqualTo(2);
            }
            try (java.sql.Connection c = a.connect(); java.sql.Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM flyway_schema_history").close();
            }
        }
    }

    private static void assertNoIgnoredObject(String text) {
        assertThat(text).doesNotContain("flyway_schema_history").doesNotContain("tmp_import_0412")
                .doesNotContain("orders_big_idx").doesNotContain("hotfix i15 note");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new ArrayList<>(List.of(args)).toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
