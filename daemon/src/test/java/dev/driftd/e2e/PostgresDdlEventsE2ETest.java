package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DDL reported by the JDBC proxy, end to end on PostgreSQL: the real daemon (no scheduled sweep),
 * DDL run through the real proxy driver, and drift seen in the API and metrics within seconds,
 * attributed to the application and user; a burst of 50 statements costs at most three
 * snapshots; the endpoint's auth (report 202, read 403, none 401), bad bodies (400) and events
 * for databases no fleet watches (202, matched nobody).
 */
class PostgresDdlEventsE2ETest {
    static final String[] SCHEMA = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE)",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id))"};
    static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void proxyReportedDdlShowsDriftWithinSecondsAndBurstsAreDebounced() throws Exception {
        assumeTrue(EventDaemon.PROXY_CLASSES != null, "proxy/target/classes not built (mvn -pl proxy compile)");
        TestServer pg = TestDatabases.postgres();
        String run = "ev" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = pg.createDatabase(run + "_golden").execute(SCHEMA);
             TestDatabase t1 = pg.createDatabase(run + "_t1").execute(SCHEMA);
             TestDatabase t2 = pg.createDatabase(run + "_t2").execute(SCHEMA)) {
            String fleets = """
                    - name: pg
                      schedule: "%s"
                      golden: {url: "%s"}
                      timeout: 10s
                      members:
                        - {name: t1, url: "%s"}
                        - {name: t2, url: "%s"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), t1.url(), t2.url());
            try (EventDaemon d = new EventDaemon(fleets)) {
                d.sweep("pg"); // the baseline: both in sync, golden known
                String t1Series = "{fleet=\"pg\",member=\"t1\"}";
                String t2Series = "{fleet=\"pg\",member=\"t2\"}";
                assertThat(d.metric("driftd_ddl_events_total" + t1Series)).isEqualTo(0.0);
                assertThat(d.metric("driftd_member_drift" + t1Series)).isEqualTo(0.0);
                double before = d.snapshots("pg");
                // what a sweep would move: its start and finish, its histogram, golden's and t2's snapshots
                JsonNode baseline = d.getJson("/api/v1/fleets/pg");
                assertThat(baseline.path("lastSweep").path("finished").asText()).isNotEmpty();
                double sweeps = d.metric("driftd_sweep_duration_seconds_count{fleet=\"pg\"}");
                assertThat(sweeps).isEqualTo(1.0);
                double t2Snapshot = d.metric("driftd_member_last_snapshot_timestamp_seconds" + t2Series);
                assertThat(t2Snapshot).isPositive();
                long goldenSessions = sessions(pg, golden.name());
                long t2Sessions = sessions(pg, t2.name());

                // one statement through the real proxy driver: drift within seconds, no sweep
                long t0 = System.nanoTime();
                try (Connection c = d.proxied(t1.url(), "billing-migrations"); Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE orders ADD COLUMN note text");
                }
                JsonNode fleet = d.await("/api/v1/fleets/pg", SOON,
                        f -> EventDaemon.member(f, "t1").path("state").asText().equals("drifted"));
                long seenMs = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("proxy DDL -> drift in the API after " + seenMs + " ms");
                // no sweep ran: the member alone was snapshotted
                assertThat(fleet.path("lastSweep")).as("sweep start and finish").isEqualTo(baseline.path("lastSweep"));
                assertThat(d.metric("driftd_sweep_duration_seconds_count{fleet=\"pg\"}")).as("sweeps").isEqualTo(sweeps);
                assertThat(fleet.path("golden")).as("golden").isEqualTo(baseline.path("golden"));
                assertThat(EventDaemon.member(fleet, "t2").path("lastSnapshot"))
                        .isEqualTo(EventDaemon.member(baseline, "t2").path("lastSnapshot"));
                assertThat(d.metric("driftd_member_last_snapshot_timestamp_seconds" + t2Series)).isEqualTo(t2Snapshot);
                assertThat(EventDaemon.member(fleet, "t1").path("lastSnapshot").asText())
                        .isNotEqualTo(EventDaemon.member(baseline, "t1").path("lastSnapshot").asText());
                // and the server agrees: nobody connected to golden or t2 since the baseline
                assertThat(sessions(pg, golden.name())).as("sessions on golden").isEqualTo(goldenSessions);
                assertThat(sessions(pg, t2.name())).as("sessions on t2").isEqualTo(t2Sessions);
                JsonNode last = EventDaemon.member(fleet, "t1").path("lastDdl");
                assertThat(last.path("statement").asText()).isEqualTo("ALTER TABLE orders ADD COLUMN note text");
                assertThat(last.path("application").asText()).isEqualTo("billing-migrations");
                assertThat(last.path("user").asText()).isEqualTo(pg.user());
                assertThat(last.path("command").asText()).isEqualTo("ALTER");
                assertThat(last.path("approved").asBoolean()).as("guard off: approved").isTrue();
                assertThat(last.path("executed").asText()).isNotEmpty();
                assertThat(EventDaemon.member(fleet, "t2").path("state").asText()).isEqualTo("in_sync");
                assertThat(EventDaemon.member(fleet, "t2").path("lastDdl").isNull()).isTrue();
                assertThat(d.metric("driftd_member_drift" + t1Series)).isEqualTo(1.0);
                assertThat(d.metric("driftd_ddl_events_total" + t1Series)).isEqualTo(1.0);
                assertThat(d.metric("driftd_ddl_events_total" + t2Series)).isEqualTo(0.0);

                // the diff names the statement, linked to the drift event it opened
                JsonNode diff = d.await("/api/v1/fleets/pg/members/t1/diff", SOON,
                        x -> x.path("recentDdl").size() == 1 && !x.path("recentDdl").get(0).path("driftEvent").isNull());
                assertThat(diff.path("changes").toString()).contains("note");
                assertThat(diff.path("recentDdl").get(0).path("application").asText()).isEqualTo("billing-migrations");

                // a burst of 50 statements on t2: at most three snapshots (one at once, one when quiet)
                Thread.sleep(DdlIntakeTiming.QUIET_MS + 500); // t1's window closed: count t2's alone
                double beforeBurst = d.snapshots("pg");
                assertThat(beforeBurst - before).as("t1: one leading snapshot").isBetween(1.0, 2.0);
                try (Connection c = d.proxied(t2.url(), "bulk-migrator"); Statement s = c.createStatement()) {
                    for (int i = 0; i < 50; i++) {
                        s.execute("ALTER TABLE customers ADD COLUMN c" + i + " int");
                    }
                }
                // the end state (all 50 columns) is seen once t2 has been quiet
                d.await("/api/v1/fleets/pg/members/t2/diff", Duration.ofSeconds(20),
                        x -> x.path("changes").toString().contains("c49"));
                Thread.sleep(DdlIntakeTiming.QUIET_MS + 1000); // any trailing snapshot has run
                double burstSnapshots = d.snapshots("pg") - beforeBurst;
                System.out.println("burst of 50 DDL statements -> " + burstSnapshots + " snapshots");
                assertThat(burstSnapshots).isBetween(1.0, 3.0);
                assertThat(d.metric("driftd_ddl_events_total" + t2Series)).isEqualTo(50.0);
                JsonNode f2 = d.getJson("/api/v1/fleets/pg");
                assertThat(EventDaemon.member(f2, "t2").path("state").asText()).isEqualTo("drifted");
                assertThat(EventDaemon.member(f2, "t2").path("lastDdl").path("statement").asText())
                        .isEqualTo("ALTER TABLE customers ADD COLUMN c49 int");
                assertThat(d.getJson("/api/v1/fleets/pg/members/t2/diff").path("recentDdl").size()).isEqualTo(20);

                // the endpoint's auth, bad bodies, and events no member matches
                String event = """
                        {"statement": "CREATE TABLE x (a int)", "flavor": "postgresql", "serverHost": "127.0.0.1",
                         "serverPort": %d, "database": "%s", "schema": "public", "user": "someone",
                         "time": "2026-11-26T05:00:00Z", "approved": false, "guard": "warn"}"""
                        .formatted(pg.port(), t1.name());
                assertThat(d.postEvent(null, event).statusCode()).isEqualTo(401);
                assertThat(d.postEvent("wrong", event).statusCode()).isEqualTo(401);
                HttpResponse<String> forbidden = d.postEvent(EventDaemon.READ, event);
                assertThat(forbidden.statusCode()).isEqualTo(403);
                assertThat(forbidden.body()).contains("needs report");
                HttpResponse<String> bad = d.postEvent(EventDaemon.REPORT, "{\"statement\": \"DROP TABLE x\"}");
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(bad.body()).contains("field 'serverHost' is required");
                assertThat(d.postEvent(EventDaemon.REPORT, "not json").statusCode()).isEqualTo(400);
                assertThat(d.postEvent(EventDaemon.REPORT, "{\"statement\": \"" + "x".repeat(2 << 20) + "\"}")
                        .statusCode()).as("over the request size limit").isEqualTo(413);
                HttpResponse<String> unknown = d.postEvent(EventDaemon.REPORT,
                        event.replace(t1.name(), run + "_nobody"));
                assertThat(unknown.statusCode()).isEqualTo(202);
                assertThat(EventDaemon.JSON.readTree(unknown.body()).path("members").asInt(-1)).isZero();
                assertThat(unknown.body()).doesNotContain("matched"); // a report token is told no names
                HttpResponse<String> admin = d.postEvent(EventDaemon.ADMIN, event); // admin may report too
                assertThat(admin.statusCode()).isEqualTo(202);
                assertThat(EventDaemon.JSON.readTree(admin.body()).path("matched").get(0).path("member").asText())
                        .isEqualTo("t1");
                assertThat(d.metric("driftd_ddl_events_total" + t1Series)).isEqualTo(2.0);
            }
        }
    }

    /**
     * Sessions the server has counted on {@code database} (pg_stat_database.sessions, PostgreSQL 14+):
     * every snapshot opens a connection of its own, so a snapshot of golden or of another member
     * moves it. Read from another database, so reading does not count.
     */
    static long sessions(TestServer pg, String database) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(pg.url("postgres"));
             java.sql.PreparedStatement q = c.prepareStatement("SELECT sessions FROM pg_stat_database WHERE datname = ?")) {
            q.setString(1, database);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("pg_stat_database row of " + database).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
