package dev.driftd.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 22 parts 1 and 2 in the daemon, end to end on PostgreSQL: the daemon knows the member as
 * 127.0.0.1:5432; the application reaches the same server as localhost, and through another port
 * (a forwarder, as a DNS alias or pooler would be): its DDL is matched by server identity and the
 * member drifts within seconds. Unmatched and refused events are counted in
 * driftd_ddl_events_received_total{outcome,reason} and logged once a minute naming what they named.
 */
class ServerIdentityMatchE2ETest {
    static final String[] SCHEMA = {"CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2))"};
    static final Duration SOON = Duration.ofSeconds(10);

    static String received(String outcome, String reason) {
        return "driftd_ddl_events_received_total{outcome=\"" + outcome + "\",reason=\"" + reason + "\"}";
    }

    @Test
    void ddlThroughAnotherHostNameIsMatchedByServerIdentity() throws Exception {
        assumeTrue(EventDaemon.PROXY_CLASSES != null, "proxy/target/classes not built (mvn -pl proxy compile)");
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg.host().equals("127.0.0.1"), "the member must be known by its address: " + pg.host());
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger intake = (Logger) LoggerFactory.getLogger("dev.driftd.daemon.DdlIntake");
        Logger api = (Logger) LoggerFactory.getLogger("dev.driftd.http.AdminApi");
        intake.addAppender(log);
        api.addAppender(log);
        try (TestDatabase golden = pg.createDatabase("p22a_golden").execute(SCHEMA);
             TestDatabase t1 = pg.createDatabase("p22a_t1").execute(SCHEMA);
             TestDatabase unwatched = pg.createDatabase("p22a_unwatched").execute(SCHEMA);
             TcpForwarder alias = new TcpForwarder("127.0.0.1", pg.port())) {
            String fleets = DaemonHarness.manualFleet("pg", golden.url(), t1.url());
            try (EventDaemon d = new EventDaemon(fleets)) {
                d.sweep("pg"); // the member's server identity is learned here
                String byIdentity = received("matched", "server_identity");
                assertThat(d.metric(byIdentity)).isEqualTo(0.0);
                assertThat(d.metric(received("rejected", "unauthorized"))).as("series exist at 0").isEqualTo(0.0);

                // through another port on another spelling: only the server's identity can tell
                String viaAlias = t1.url().replace("//127.0.0.1:" + pg.port() + "/", "//localhost:" + alias.port() + "/");
                assertThat(viaAlias).contains("localhost:" + alias.port());
                long t0 = System.nanoTime();
                try (Connection c = d.proxied(viaAlias, "p22a-alias-app"); Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE orders ADD COLUMN note text");
                }
                JsonNode fleet = d.await("/api/v1/fleets/pg", SOON,
                        f -> EventDaemon.member(f, "t1").path("state").asText().equals("drifted"));
                System.out.println("DDL via localhost:" + alias.port() + " -> drifted after "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
                assertThat(EventDaemon.member(fleet, "t1").path("lastDdl").path("application").asText())
                        .isEqualTo("p22a-alias-app");
                assertThat(d.metric(byIdentity)).isEqualTo(1.0);
                assertThat(d.metric("driftd_ddl_events_total{fleet=\"pg\",member=\"t1\"}")).isEqualTo(1.0);

                // the spelling of issue 22: localhost on the member's own port
                String viaLocalhost = t1.url().replace("//127.0.0.1:", "//localhost:");
                try (Connection c = d.proxied(viaLocalhost, "p22a-localhost-app"); Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE orders ADD COLUMN note2 text");
                }
                d.await("/api/v1/fleets/pg", SOON, f -> EventDaemon.member(f, "t1").path("lastDdl")
                        .path("application").asText().equals("p22a-localhost-app"));
                assertThat(d.metric(byIdentity)).isEqualTo(2.0);

                // a database no fleet watches on that server: 202, counted and logged with its name
                try (Connection c = d.proxied(unwatched.url(), "p22a-unwatched-app"); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE stray (a int)");
                    s.execute("CREATE TABLE stray2 (a int)");
                }
                awaitMetric(d, received("unmatched", "unknown_database"), 2.0);
                List<String> unmatched = lines(log, "matches no fleet member");
                assertThat(unmatched).as("two events, one line a minute").hasSize(1);
                assertThat(unmatched.get(0)).contains("database " + unwatched.name()).contains("p22a-unwatched-app")
                        .contains("postgresql:system_identifier=");

                // same host and port, but a server that says it is another: identity decides
                String otherServer = """
                        {"statement": "CREATE TABLE x (a int)", "flavor": "postgresql", "serverHost": "127.0.0.1",
                         "serverPort": %d, "database": "%s", "time": "2026-11-26T05:00:00Z",
                         "serverIdentities": ["postgresql:system_identifier=1"]}""".formatted(pg.port(), t1.name());
                HttpResponse<String> r = d.postEvent(EventDaemon.REPORT, otherServer);
                assertThat(r.statusCode()).isEqualTo(202);
                assertThat(EventDaemon.JSON.readTree(r.body()).path("members").asInt(-1)).isZero();
                assertThat(d.metric(received("unmatched", "unknown_server"))).isEqualTo(1.0);
                // without identities (an older proxy) the host and port still match
                HttpResponse<String> old = d.postEvent(EventDaemon.REPORT, otherServer.replace(
                        "\"serverIdentities\": [\"postgresql:system_identifier=1\"]", "\"schema\": null"));
                assertThat(EventDaemon.JSON.readTree(old.body()).path("members").asInt(-1)).isEqualTo(1);
                assertThat(d.metric(received("matched", "host_port"))).isEqualTo(1.0);

                // refusals: counted by reason, logged once a minute each, the token never
                assertThat(d.postEvent(null, otherServer).statusCode()).isEqualTo(401);
                assertThat(d.postEvent("p22a-not-a-token", otherServer).statusCode()).isEqualTo(401);
                assertThat(d.postEvent(EventDaemon.READ, otherServer).statusCode()).isEqualTo(403);
                assertThat(d.postEvent(EventDaemon.REPORT, "{\"statement\": 1}").statusCode()).isEqualTo(400);
                assertThat(d.metric(received("rejected", "unauthorized"))).isEqualTo(2.0);
                assertThat(d.metric(received("rejected", "forbidden"))).isEqualTo(1.0);
                assertThat(d.metric(received("rejected", "bad_request"))).isEqualTo(1.0);
                assertThat(lines(log, "refused with 401")).hasSize(1);
                assertThat(lines(log, "refused with 403")).singleElement().asString().contains("needs report");
                assertThat(lines(log, "refused with 400")).singleElement().asString().contains("'statement'");
                assertThat(lines(log, "p22a-not-a-token")).isEmpty();
                assertThat(lines(log, EventDaemon.READ)).isEmpty();

                // the proxy's self-test: GET on the events URL checks the token and counts nothing
                HttpResponse<String> check = d.send("GET", "/api/v1/events/ddl", EventDaemon.REPORT);
                assertThat(check.statusCode()).isEqualTo(200);
                assertThat(EventDaemon.JSON.readTree(check.body()).path("role").asText()).isEqualTo("report");
                assertThat(d.send("GET", "/api/v1/events/ddl", EventDaemon.READ).statusCode()).isEqualTo(403);
                assertThat(d.send("GET", "/api/v1/events/ddl", null).statusCode()).isEqualTo(401);
                assertThat(d.metric(received("rejected", "unauthorized"))).isEqualTo(2.0);
                assertThat(d.metric(received("rejected", "forbidden"))).isEqualTo(1.0);
            }
        } finally {
            intake.detachAppender(log);
            api.detachAppender(log);
        }
    }

    @Test
    void mariadbDdlThroughAForwardedPortIsMatchedByServerIdAndHostName() throws Exception {
        assumeTrue(EventDaemon.PROXY_CLASSES != null, "proxy/target/classes not built (mvn -pl proxy compile)");
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        String[] schema = {"CREATE TABLE items (id INT PRIMARY KEY, sku VARCHAR(40) NOT NULL)"};
        try (TestDatabase golden = my.createDatabase("p22a_mgolden").execute(schema);
             TestDatabase t1 = my.createDatabase("p22a_mt1").execute(schema);
             TcpForwarder alias = new TcpForwarder(my.host(), my.port())) {
            String fleets = DaemonHarness.manualFleet("shop", golden.url(), t1.url());
            try (EventDaemon d = new EventDaemon(fleets)) {
                d.sweep("shop");
                String viaAlias = t1.url().replace("//" + my.host() + ":" + my.port() + "/",
                        "//localhost:" + alias.port() + "/");
                assertThat(viaAlias).contains("localhost:" + alias.port());
                try (Connection c = d.proxied(viaAlias, "p22a-shop"); Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE items ADD COLUMN price INT");
                }
                d.await("/api/v1/fleets/shop", SOON,
                        f -> EventDaemon.member(f, "t1").path("state").asText().equals("drifted"));
                assertThat(d.metric(received("matched", "server_identity"))).isEqualTo(1.0);
                assertThat(d.metric(received("matched", "host_port"))).isEqualTo(0.0);
            }
        }
    }

    private static List<String> lines(ListAppender<ILoggingEvent> log, String text) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(text)).toList();
    }

    private static void awaitMetric(EventDaemon d, String series, double value) throws Exception {
        long end = System.nanoTime() + SOON.toNanos();
        while (d.metric(series) != value) {
            assertThat(System.nanoTime()).as(series + " never reached " + value + ": " + d.metric(series))
                    .isLessThan(end);
            Thread.sleep(50);
        }
    }
}
