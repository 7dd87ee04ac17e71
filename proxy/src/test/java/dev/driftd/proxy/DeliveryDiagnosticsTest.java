package dev.driftd.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 22 parts 1, 2 and 5 on the proxy side, against real PostgreSQL and a scripted daemon:
 * each delivery problem is logged once a minute with its cause and what to do, 429 is retried
 * after Retry-After, an unmatched event is counted and logged with the server identity the event
 * carried, the self-test runs at the first connection, close() never waits, and
 * jdbc:driftd:jdbc:... is taken.
 */
class DeliveryDiagnosticsTest {
    private static final long BOUND_MS = 15_000; // "must not hang" bound for awaited conditions

    private TestServers.Server server;
    private String db;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL: set DRIFTD_TEST_PG_URL or start one on 127.0.0.1:5432");
        db = server.createDatabase("p22a_diag");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    /** Waits for one endpoint's counters (another test's background sends cannot move them). */
    private static void awaitStats(String endpoint, java.util.function.Predicate<DriftdProxy.Stats> ok)
            throws InterruptedException {
        long end = System.nanoTime() + BOUND_MS * 1_000_000;
        while (!ok.test(DriftdProxy.stats(endpoint))) {
            assertThat(System.nanoTime()).as("stats never got there: " + DriftdProxy.stats(endpoint)).isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void aRefusedTokenIsLoggedOnceWithWhatToDoAndTheTokenNever() throws Exception {
        String secret = "p22a-secret-" + UUID.randomUUID();
        try (ScriptedDaemon daemon = new ScriptedDaemon(new ScriptedDaemon.Answer(401,
                     "{\"error\":\"unauthorized\",\"detail\":\"unknown token\"}", null));
             LogCapture log = new LogCapture(daemon.endpoint())) {
            daemon.onGet = new ScriptedDaemon.Answer(401, "{\"error\":\"unauthorized\",\"detail\":\"unknown token\"}", null);
            try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + daemon.endpoint()
                    + "&driftd.token=" + secret)); Statement s = c.createStatement()) {
                for (int i = 0; i < 6; i++) {
                    s.execute("CREATE TABLE refused_" + i + " (a int)");
                }
            }
            awaitStats(daemon.endpoint(), st -> st.lost() >= 6);
            assertThat(log.await("self-test failed", BOUND_MS)).singleElement().asString()
                    .startsWith("WARNING").contains("answered 401").contains("does not know driftd.token");
            List<String> refused = log.lines(l -> l.contains("DDL event not delivered"));
            assertThat(refused).as("six events, one line a minute").hasSize(1);
            assertThat(refused.get(0)).contains("answered 401").contains("token of role report");
            assertThat(log.await("are being dropped", BOUND_MS)).hasSize(1);
            assertThat(log.lines(l -> l.contains(secret))).as("the token is never logged").isEmpty();
            assertThat(DriftdProxy.stats().lastError).isNotNull().doesNotContain(secret);
        }
    }

    @Test
    void anEndpointWithAPathIsToldItIsNotTheBaseUrl() throws Exception {
        try (ScriptedDaemon daemon = new ScriptedDaemon(new ScriptedDaemon.Answer(404,
                     "{\"error\":\"not found\",\"detail\":\"no endpoint /api/v1/api/v1/events/ddl\"}", null));
             LogCapture log = new LogCapture(daemon.endpoint())) {
            daemon.onGet = new ScriptedDaemon.Answer(404, "{\"error\":\"not found\"}", null);
            String endpoint = daemon.endpoint() + "/api/v1";
            try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + endpoint));
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lost (a int)");
            }
            assertThat(log.await("self-test failed", BOUND_MS)).singleElement().asString()
                    .contains("is driftd.endpoint (" + endpoint + ") the daemon's base URL");
            assertThat(log.await("DDL event not delivered", BOUND_MS)).singleElement().asString()
                    .contains(endpoint + "/api/v1/events/ddl answered 404 (no endpoint /api/v1/api/v1/events/ddl)")
                    .contains("is driftd.endpoint (" + endpoint + ") the daemon's base URL");
            assertThat(daemon.requests).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/api/v1/events/ddl"));
        }
    }

    @Test
    void a429IsSentAgainAfterRetryAfterAndIsNoFailure() throws Exception {
        try (ScriptedDaemon daemon = new ScriptedDaemon(
                     new ScriptedDaemon.Answer(429, "{\"error\":\"too many requests\"}", "1"),
                     new ScriptedDaemon.Answer(429, "{\"error\":\"too many requests\"}", "0"),
                     new ScriptedDaemon.Answer(202, "{\"status\":\"accepted\",\"members\":1}", null));
             LogCapture log = new LogCapture(daemon.endpoint())) {
            try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + daemon.endpoint()
                    + "&driftd.check=false")); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE busy (a int)");
            }
            awaitStats(daemon.endpoint(), st -> st.sent >= 1);
            // this daemon's counters only: an earlier test's send to a hanging one may still fail meanwhile
            assertThat(DriftdProxy.stats(daemon.endpoint()).failed).isZero();
            assertThat(daemon.posts()).as("the same event three times").isEqualTo(3);
            assertThat(daemon.requests).extracting(ScriptedDaemon.Request::body).containsOnly(daemon.requests.get(0).body());
            assertThat(daemon.requests).noneMatch(r -> r.method().equals("GET")); // driftd.check=false
            assertThat(log.lines(l -> l.contains("429"))).isEmpty();
        }
    }

    @Test
    void anUnmatchedEventIsCountedAndLoggedWithTheServerIdentityItCarried() throws Exception {
        String sysid;
        try (Connection c = DriverManager.getConnection(server.url(db)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
            rs.next();
            sysid = rs.getString(1);
        }
        try (ScriptedDaemon daemon = new ScriptedDaemon(new ScriptedDaemon.Answer(202,
                     "{\"status\":\"accepted\",\"members\":0}", null));
             LogCapture log = new LogCapture(daemon.endpoint(), "p22a-unmatched")) {
            try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + daemon.endpoint()
                    + "&driftd.application=p22a-unmatched")); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE nobody_watches (a int)");
                s.execute("CREATE TABLE nobody_watches_2 (a int)");
            }
            awaitStats(daemon.endpoint(), st -> st.unmatched == 2);
            // not a failure (this daemon's counters: an earlier test's send may still fail meanwhile)
            assertThat(DriftdProxy.stats(daemon.endpoint()).failed).isZero();
            assertThat(log.await("self-test passed", BOUND_MS)).singleElement().asString().startsWith("INFO");
            List<String> lines = log.lines(l -> l.contains("matched it to no fleet member"));
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("database " + db).contains("postgresql:system_identifier=" + sysid)
                    .contains("p22a-unmatched");
            JsonNode body = DdlReceiver.JSON.readTree(daemon.requests.stream()
                    .filter(r -> r.method().equals("POST")).findFirst().orElseThrow().body());
            assertThat(body.path("serverIdentities").get(0).asText()).isEqualTo("postgresql:system_identifier=" + sysid);
            assertThat(body.path("serverIdentities").get(1).asText()).startsWith("postgresql:address=").endsWith(":5432");
        }
    }

    @Test
    void aDaemonThatIsDownOrHangsIsNamedWithTheCause() throws Exception {
        try (ClosedPort closedPort = new ClosedPort();
             DeliveryFailureTest.HangingServer hanging = new DeliveryFailureTest.HangingServer();
             LogCapture log = new LogCapture("127.0.0.1:" + closedPort.port(), "127.0.0.1:" + hanging.port());
             Connection down = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=http://127.0.0.1:"
                     + closedPort.port()));
             Connection hangs = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=http://127.0.0.1:"
                     + hanging.port() + "&driftd.check=false"))) {
            down.createStatement().execute("CREATE TABLE to_down (a int)");
            hangs.createStatement().execute("CREATE TABLE to_hanging (a int)");
            assertThat(log.await("cannot reach the driftd daemon at http://127.0.0.1:" + closedPort.port(), BOUND_MS))
                    .as("the self-test and the event, one line each").hasSize(2)
                    .allSatisfy(l -> assertThat(l).startsWith("WARNING").contains("ConnectException")
                            .contains("is it running, and is driftd.endpoint its address?"));
            assertThat(log.await("did not answer in time", BOUND_MS)).singleElement().asString()
                    .contains("http://127.0.0.1:" + hanging.port()).contains("read 2000 ms");
        }
    }

    @Test
    void closeNeverWaitsForAHangingDaemon() throws Exception {
        try (DeliveryFailureTest.HangingServer hanging = new DeliveryFailureTest.HangingServer()) {
            Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=http://127.0.0.1:"
                    + hanging.port() + "&driftd.check=false"));
            String endpoint = "http://127.0.0.1:" + hanging.port();
            c.createStatement().execute("CREATE TABLE before_close (a int)");
            long t0 = System.nanoTime();
            c.close();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("close() with a hanging daemon: " + ms + " ms");
            // close() returned while the send to the hanging daemon is still unanswered: had it waited for
            // the event, the send would have given up first (its 2 s read timeout) and counted as failed.
            // No clock threshold: the order of the two is what tells.
            assertThat(DriftdProxy.stats(endpoint).failed).as("sends that gave up before close() returned").isZero();
            assertThat(DriftdProxy.stats(endpoint).sent).isZero();
        }
    }

    @Test
    void theRealUrlPastedWholeAfterThePrefixIsTaken() throws Exception {
        String url = server.proxied(db, "driftd.guard=off").replaceFirst("^jdbc:driftd:", "jdbc:driftd:jdbc:");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db);
        }
    }

    @Test
    void warnModeLogsOncePerApplicationPerMinuteNotPerConnection() throws Exception {
        String app = "p22a-warn-" + UUID.randomUUID().toString().substring(0, 8);
        String other = app + "-other";
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.guard=warn&driftd.application="
                        + (i == 2 ? other : app))); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE w" + i + "_a (a int)");
                    s.execute("CREATE TABLE w" + i + "_b (a int)");
                }
            }
            assertThat(log.lines(l -> l.contains("in " + app + ":"))).hasSize(1);
            assertThat(log.lines(l -> l.contains("in " + other + ":"))).singleElement().asString()
                    .startsWith("WARNING").contains("CREATE TABLE w2_a");
        }
    }

    @Test
    void theCheckSettingMustBeTrueOrFalse() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(
                        server.proxied(db, "driftd.check=maybe")))
                .hasMessageContaining("driftd.check must be true or false, got 'maybe'");
    }

    static Duration bound() {
        return Duration.ofMillis(BOUND_MS);
    }
}
