package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

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
 * Overlays and the diff's dispositions on real fleets (PostgreSQL and MariaDB), through the real
 * daemon: the big tenant's extra index declared as an overlay keeps it in sync and out of its
 * reconcile SQL, a member that should have it and lacks it drifts and its SQL adds it, Flyway's
 * table (ignored by preset) never alerts nor reaches SQL and shows as {@code ignored} only with
 * {@code ?all=true}; one scratch build per overlay per golden; an overlay whose SQL fails names
 * the config line, the statement and the server's error; an overlay that matches no member
 * warns; all of it holds after a restart, and a reload that changes the policy keeps the drift
 * history.
 */
class OverlaysE2ETest {
    private static final String FLYWAY = "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, "
            + "version varchar(50))";
    private static final String BIG_IDX = "CREATE INDEX orders_big_idx ON orders (total_cents, customer_id)";

    @Test
    void postgresFleet() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        run(pg, FleetSchemas.POSTGRES, pg.url("postgres"));
    }

    @Test
    void mariadbFleet() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        run(my, FleetSchemas.MARIADB, my.url(""));
    }

    private static void run(TestServer server, String[] schema, String scratch) throws Exception {
        String run = "w15b_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path dir = Files.createTempDirectory("w15b-overlays");
        Path goldenSql = Files.writeString(dir.resolve("golden.sql"), String.join(";\n", schema) + ";\n");
        try (TestDatabase acme = server.createDatabase(run + "_acme").execute(schema).execute(BIG_IDX, FLYWAY);
             TestDatabase beta = server.createDatabase(run + "_beta").execute(schema).execute(FLYWAY);
             TestDatabase plain = server.createDatabase(run + "_plain").execute(schema);
             TestDatabase broken = server.createDatabase(run + "_broken").execute(schema)) {
            String fleets = """
                    - name: shop
                      schedule: "%1$s"
                      golden: {sql: "%2$s", scratch: "%3$s"}
                      timeout: 20s
                      members:
                        - {name: acme, url: "%4$s"}
                        - {name: beta, url: "%5$s"}
                        - {name: plain, url: "%6$s"}
                      ignore:
                        - preset:flyway
                      overlays:
                        - members: [acme, beta]
                          sql: |
                            %7$s;
                        - members: "nobody-*"
                          sql: "CREATE TABLE gdpr_requests (id int PRIMARY KEY)"
                    - name: bad
                      schedule: "%1$s"
                      golden: {sql: "%2$s", scratch: "%3$s"}
                      timeout: 20s
                      members:
                        - {name: m, url: "%8$s"}
                      overlays:
                        - members: m
                          sql: |
                            CREATE TABLE fine (id int PRIMARY KEY);
                            CREATE INDEX nope_idx ON no_such_table (x);
                    """.formatted(DaemonHarness.NEVER, goldenSql, scratch, acme.url(), beta.url(), plain.url(), BIG_IDX,
                    broken.url());
            LogCapture log = new LogCapture(dev.driftd.sweep.Sweep.class, dev.driftd.fleet.ExpectedSchemas.class);
            try (DaemonHarness d = new DaemonHarness(fleets)) {
                JsonNode sweep = d.sweep("shop");
                d.sweep("shop");
                assertThat(sweep.path("inSync").asInt()).as(sweep.toString()).isEqualTo(2);
                assertThat(sweep.path("drifted").asInt()).as(sweep.toString()).isEqualTo(1);
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"shop\",member=\"acme\"} 0.0")
                        .contains("driftd_member_drift{fleet=\"shop\",member=\"beta\"} 1.0")
                        .contains("driftd_member_drift{fleet=\"shop\",member=\"plain\"} 0.0")
                        .contains("driftd_member_overlays{fleet=\"shop\",member=\"acme\"} 1.0")
                        .contains("driftd_member_overlays{fleet=\"shop\",member=\"beta\"} 1.0")
                        .contains("driftd_member_overlays{fleet=\"shop\",member=\"plain\"} 0.0");
                assertMemberViews(d);

                // acme and beta share one overlay: one scratch build for both, over two sweeps and the API calls
                assertThat(log.messages()).filteredOn(m -> m.contains("built the expected schema")).hasSize(1);
                assertThat(log.messages()).filteredOn(m -> m.contains("matches no member")).singleElement()
                        .asString().matches("fleet shop: overlay .*driftd\\.yaml:\\d+ \\(members nobody-\\*\\) "
                                + "matches no member");

                // a failing overlay: the member is not compared, and the error says where, what and why
                d.sweep("bad");
                JsonNode m = member(d, "bad", "m");
                assertThat(m.path("state").asText()).isEqualTo("pending");
                int line = lineOf(d.dir.resolve("driftd.yaml"), "CREATE INDEX nope_idx");
                assertThat(m.path("error").asText()).contains("driftd.yaml:" + line + ":")
                        .contains("CREATE INDEX nope_idx ON no_such_table (x)").containsIgnoringCase("no_such_table")
                        .doesNotContain("CREATE TABLE fine");
                HttpResponse<String> refused = d.get("/api/v1/fleets/bad/members/m/reconcile", DaemonHarness.READ);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

                // a restart keeps the states; the next sweep (a new build) agrees, and so do the answers
                d.restart();
                assertThat(member(d, "shop", "acme").path("state").asText()).isEqualTo("in_sync");
                assertThat(member(d, "shop", "beta").path("state").asText()).isEqualTo("drifted");
                // golden as read before the ignore rules is in memory only: until this node sweeps, all=true says so
                HttpResponse<String> early = d.get("/api/v1/fleets/shop/members/acme/diff?all=true", DaemonHarness.READ);
                assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
                assertThat(early.body()).contains("run a sweep first");
                assertThat(json(d, "/api/v1/fleets/shop/members/acme/diff").path("inSync").asBoolean()).isTrue();
                JsonNode again = d.sweep("shop");
                assertThat(again.path("inSync").asInt()).as(again.toString()).isEqualTo(2);
                assertMemberViews(d);
                String driftSince = member(d, "shop", "beta").path("driftSince").asText();
                assertThat(driftSince).isNotEmpty();

                // a reload that changes the policy: the index is now ignored, so beta stops drifting,
                // and its drift period stays in the history
                Path config = d.dir.resolve("driftd.yaml");
                Files.writeString(config, Files.readString(config).replaceFirst("(?m)^( *)- preset:flyway$",
                        "$1- preset:flyway\n$1- \"index:orders_big_idx\""));
                HttpResponse<String> reload = d.send("POST", "/api/v1/reload", DaemonHarness.ADMIN);
                assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
                JsonNode after = d.sweep("shop");
                assertThat(after.path("inSync").asInt()).as(after.toString()).isEqualTo(3);
                JsonNode history = json(d, "/api/v1/fleets/shop/members/beta/history");
                assertThat(history.path("driftEvents").size()).as(history.toString()).isGreaterThanOrEqualTo(1);
                assertThat(history.path("driftEvents").toString()).contains(driftSince);
                assertThat(d.metrics()).contains("driftd_member_drift{fleet=\"shop\",member=\"beta\"} 0.0");
            } finally {
                log.close();
            }
        } finally {
            Files.deleteIfExists(goldenSql);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void postgresPlansAndRolloutsKeepOverlays() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        plansAndRollouts(pg, FleetSchemas.POSTGRES, pg.url("postgres"), "ALTER TABLE orders ADD COLUMN note text");
    }

    @Test
    void mariadbPlansAndRolloutsKeepOverlays() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        plansAndRollouts(my, FleetSchemas.MARIADB, my.url(""), "ALTER TABLE orders ADD COLUMN note varchar(50) NULL");
    }

    /**
     * A stored plan for a member lacking its overlay adds it (applied and verified against golden
     * plus the overlay); a rollout for two overlay members with the same extra column drops the
     * column and keeps the overlay index; every member converges to in sync.
     */
    private static void plansAndRollouts(TestServer server, String[] schema, String scratch, String change)
            throws Exception {
        String run = "w15b_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path dir = Files.createTempDirectory("w15b-overlays");
        Path goldenSql = Files.writeString(dir.resolve("golden.sql"), String.join(";\n", schema) + ";\n");
        try (TestDatabase a1 = server.createDatabase(run + "_a1").execute(schema).execute(BIG_IDX, change);
             TestDatabase a2 = server.createDatabase(run + "_a2").execute(schema).execute(BIG_IDX, change);
             TestDatabase beta = server.createDatabase(run + "_beta").execute(schema);
             TestDatabase other = server.createDatabase(run + "_other").execute(schema).execute(BIG_IDX, change)) {
            String fleets = """
                    - name: shop
                      schedule: "%s"
                      golden: {sql: "%s", scratch: "%s"}
                      apply: enabled
                      rollout: {canary: 1, wave: 10, pause: 0s}
                      timeout: 20s
                      members:
                        - {name: a1, url: "%s"}
                        - {name: a2, url: "%s"}
                        - {name: beta, url: "%s"}
                        - {name: other, url: "%s"}
                      overlays:
                        - members: ["a?", beta]
                          sql: "%s"
                    """.formatted(DaemonHarness.NEVER, goldenSql, scratch, a1.url(), a2.url(), beta.url(), other.url(),
                    BIG_IDX);
            try (PlansHarness d = new PlansHarness(fleets)) {
                assertThat(d.sweep("shop").path("drifted").asInt()).isEqualTo(4);

                String plans = "/api/v1/fleets/shop/members/beta/plans";
                JsonNode plan = d.ok("POST", plans, PlansHarness.ALICE, null, 201);
                assertThat(plan.path("sql").asText()).contains("orders_big_idx").doesNotContainIgnoringCase("DROP");
                String id = plan.path("id").asText();
                d.ok("POST", plans + "/" + id + "/approve", PlansHarness.BOB, "{\"destructive\":false}", 200);
                JsonNode applied = d.ok("POST", plans + "/" + id + "/apply", PlansHarness.ALICE, null, 200);
                assertThat(applied.path("state").asText()).as(applied.toString()).isEqualTo("applied");

                // other has a1's fingerprint but no overlay: it is expected to look otherwise, so it is left out
                JsonNode made = d.ok("POST", "/api/v1/fleets/shop/rollouts", PlansHarness.ALICE, "{\"member\":\"a1\"}", 201);
                assertThat(made.path("members").size()).as(made.toString()).isEqualTo(2);
                assertThat(made.path("members").toString()).contains("\"a1\"").contains("\"a2\"")
                        .doesNotContain("\"other\"");
                assertThat(made.path("sql").asText()).containsIgnoringCase("DROP COLUMN").contains("note")
                        .doesNotContain("orders_big_idx");
                String rid = made.path("id").asText();
                d.ok("POST", "/api/v1/fleets/shop/rollouts/" + rid + "/approve", PlansHarness.BOB,
                        "{\"destructive\":true}", 200);
                d.ok("POST", "/api/v1/fleets/shop/rollouts/" + rid + "/start", PlansHarness.BOB, null, 202);
                JsonNode done = d.awaitRollout("shop", rid);
                assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("counts").path("applied").asInt()).isEqualTo(2);

                JsonNode after = d.sweep("shop");
                assertThat(after.path("inSync").asInt()).as(after.toString()).isEqualTo(3);
                assertThat(after.path("drifted").asInt()).as(after.toString()).isEqualTo(1);
                assertThat(d.ok("GET", "/api/v1/fleets/shop", PlansHarness.ALICE, null, 200).path("members").toString())
                        .containsPattern("\"name\":\"other\",\"state\":\"drifted\"");
            }
            for (TestDatabase db : List.of(a1, a2, beta)) {
                assertThat(indexes(db)).as(db.name()).contains("orders_big_idx");
            }
        } finally {
            Files.deleteIfExists(goldenSql);
            Files.deleteIfExists(dir);
        }
    }

    private static List<String> indexes(TestDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = db.connect();
             java.sql.ResultSet r = c.getMetaData().getIndexInfo(null, null, "orders", false, false)) {
            while (r.next()) {
                out.add(r.getString("INDEX_NAME"));
            }
        }
        return out;
    }

    /** acme in sync with its overlay, beta drifted for lacking it; what the API and SQL say of each. */
    private static void assertMemberViews(DaemonHarness d) throws Exception {
        assertThat(member(d, "shop", "acme").path("state").asText()).isEqualTo("in_sync");
        assertThat(member(d, "shop", "beta").path("state").asText()).isEqualTo("drifted");

        String acmeSql = sql(d, "acme");
        assertThat(acmeSql).doesNotContain("orders_big_idx").doesNotContainIgnoringCase("DROP")
                .doesNotContain("flyway_schema_history");
        String betaSql = sql(d, "beta");
        assertThat(betaSql).containsPattern("(?i)(CREATE|ADD) INDEX [`\"]?orders_big_idx")
                .doesNotContain("flyway_schema_history");

        JsonNode acme = json(d, "/api/v1/fleets/shop/members/acme/diff");
        assertThat(acme.path("inSync").asBoolean()).as(acme.toString()).isTrue();
        assertThat(acme.path("changes").size()).as(acme.toString()).isZero();
        JsonNode acmeAll = json(d, "/api/v1/fleets/shop/members/acme/diff?all=true");
        assertThat(acmeAll.path("inSync").asBoolean()).as(acmeAll.toString()).isTrue();
        assertThat(dispositions(acmeAll)).as(acmeAll.toString())
                .contains("ignored table flyway_schema_history", "overlay index orders_big_idx")
                .noneMatch(s -> s.startsWith("drift"));

        JsonNode beta = json(d, "/api/v1/fleets/shop/members/beta/diff");
        assertThat(dispositions(beta)).as(beta.toString()).containsExactly("drift index orders_big_idx");
        JsonNode betaAll = json(d, "/api/v1/fleets/shop/members/beta/diff?all=true");
        assertThat(dispositions(betaAll)).as(betaAll.toString())
                .containsExactlyInAnyOrder("drift index orders_big_idx", "ignored table flyway_schema_history");
        assertThat(betaAll.path("counts").toString()).isEqualTo(beta.path("counts").toString());

        JsonNode plainAll = json(d, "/api/v1/fleets/shop/members/plain/diff?all=true");
        assertThat(plainAll.path("changes").size()).as(plainAll.toString()).isZero();
    }

    /** Each change as "DISPOSITION KIND NAME" (the object's last name part). */
    private static List<String> dispositions(JsonNode diff) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : diff.path("changes")) {
            String object = c.path("object").asText();
            out.add(c.path("disposition").asText() + " " + c.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + " "
                    + object.substring(object.lastIndexOf('.') + 1));
        }
        return out;
    }

    private static String sql(DaemonHarness d, String member) throws Exception {
        HttpResponse<String> r = d.get("/api/v1/fleets/shop/members/" + member + "/reconcile?destructive=true",
                DaemonHarness.READ);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode json(DaemonHarness d, String path) throws Exception {
        HttpResponse<String> r = d.get(path, DaemonHarness.READ);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return E2eDaemon.JSON.readTree(r.body());
    }

    private static JsonNode member(DaemonHarness d, String fleet, String name) throws Exception {
        for (JsonNode m : json(d, "/api/v1/fleets/" + fleet).path("members")) {
            if (m.path("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no member " + name + " in fleet " + fleet);
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** The formatted messages the given classes log while it is open. */
    private static final class LogCapture implements AutoCloseable {
        private final List<ch.qos.logback.classic.Logger> loggers = new ArrayList<>();
        private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();

        LogCapture(Class<?>... classes) {
            appender.start();
            for (Class<?> c : classes) {
                ch.qos.logback.classic.Logger l = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(c);
                l.addAppender(appender);
                loggers.add(l);
            }
        }

        List<String> messages() {
            synchronized (appender.list) {
                return appender.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                        .toList();
            }
        }

        @Override
        public void close() {
            loggers.forEach(l -> l.detachAppender(appender));
        }
    }
}
