package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.metrics.FleetMetrics;
import dev.driftd.config.Role;
import dev.driftd.metrics.InMemoryFleets;
import dev.driftd.metrics.PrometheusRegistries;
import dev.driftd.metrics.RolloutCounts;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AdminServerTest {
    static final String READ = "read-secret-1f4c";
    static final String ADMIN = "admin-secret-9b2e";
    static final String REPORT = "report-secret-77aa";
    static final String METRICS = "metrics-secret-3c0d";
    static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    InMemoryFleets fleets = new InMemoryFleets();
    AdminServer server;
    String base;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void start(boolean metricsNeedToken) throws Exception {
        start(metricsNeedToken, new HttpSettings(new InetSocketAddress("127.0.0.1", 0), 4096), 64);
    }

    void start(boolean metricsNeedToken, HttpSettings settings, int eventQueue) throws Exception {
        List<ApiToken> tokens = List.of(new ApiToken("grafana", Role.READ, READ), new ApiToken("ops", Role.ADMIN, ADMIN),
                new ApiToken("proxy", Role.REPORT, REPORT));
        Authenticator auth = new Authenticator(tokens, metricsNeedToken ? METRICS : null);
        var registry = PrometheusRegistries.create();
        FleetMetrics metrics = new FleetMetrics(registry, fleets::fleets, RolloutCounts.NONE);
        AdminApi api = new AdminApi(fleets, metrics::scrape, fleets::reload, () -> auth,
                new DdlEventQueue(eventQueue, registry));
        server = new AdminServer(api, settings);
        InetSocketAddress bound = server.start();
        base = "http://127.0.0.1:" + bound.getPort();
    }

    @BeforeEach
    void fleet() {
        Snapshot golden = snap(Table.plain("", "orders"), Column.of("", "orders", "id", 1, "bigint"));
        Snapshot drifted = snap(Table.plain("", "orders"), Column.of("", "orders", "id", 1, "bigint"),
                Column.of("", "orders", "note", 2, "text"));
        Diff diff = Differ.compare(golden, drifted);
        fleets.fleets.add(new FleetStatus("tenants", "0 */5 * * * ?", golden.fingerprint(), null, T0, T0, List.of(
                new MemberStatus("tenants", "t1", MemberState.IN_SYNC, golden.fingerprint(), T0, null, Map.of(), null, null),
                new MemberStatus("tenants", "t2", MemberState.IN_SYNC, golden.fingerprint(), T0, null, Map.of(), null, null),
                new MemberStatus("tenants", "t3", MemberState.DRIFTED, drifted.fingerprint(), T0, T0.minusSeconds(60),
                        diff.countsBySeverity(), null, null),
                new MemberStatus("tenants", "t4", MemberState.UNREACHABLE, null, null, null, Map.of(), "connect",
                        "connection refused"))));
        fleets.diffs.put(InMemoryFleets.key("tenants", "t3"), diff);
        fleets.plans.put(InMemoryFleets.key("tenants", "t3"), new Plan(Flavor.POSTGRES, golden.fingerprint(),
                drifted.fingerprint(), true, List.of("SET lock_timeout = '10s'"),
                List.of(new PlanStatement("ALTER TABLE public.orders DROP COLUMN note", Set.of(Hazard.DELETES_DATA),
                        true, "extra column orders.note", false)), List.of()));
    }

    static Snapshot snap(dev.driftd.schema.SchemaObject... objects) {
        return new Snapshot(Flavor.POSTGRES, "15", Scope.database("app", List.of("public")), List.of(objects), Set.of());
    }

    @AfterEach
    void stop() {
        java.util.concurrent.CountDownLatch g = fleets.gate;
        if (g != null) {
            g.countDown();
        }
        if (server != null) {
            server.close();
        }
    }

    HttpResponse<String> send(String method, String path, String token) throws Exception {
        return send(method, path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = OpenApiContract.check(method, client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        for (String secret : List.of(READ, ADMIN, REPORT, METRICS)) {
            assertThat(r.body()).as("a secret in an answer").doesNotContain(secret);
        }
        return r;
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(r.body());
    }

    static JsonNode problem(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json; charset=utf-8");
        return JSON.readTree(r.body());
    }

    /** An RFC 9457 problem answer with that status and title (its type is the title with dashes). */
    static void assertError(HttpResponse<String> r, int status, String title) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode n = problem(r);
        assertThat(n.path("title").asText()).isEqualTo(title);
        assertThat(n.path("type").asText()).isEqualTo("urn:driftd:problem:" + title.replace(' ', '-'));
        assertThat(n.path("status").asInt()).isEqualTo(status);
        assertThat(n.has("detail")).isTrue();
        assertThat(n.path("instance").asText()).isEqualTo(r.uri().getPath());
    }

    @Test
    void healthReadinessAndMetricsNeedNoToken() throws Exception {
        start(false);
        assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/readyz", null)).path("status").asText()).isEqualTo("ready");
        fleets.ready = false;
        assertError(send("GET", "/readyz", null), 503, "not ready");
        HttpResponse<String> m = send("GET", "/metrics", null);
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(m.body()).contains("driftd_member_drift{fleet=\"tenants\",member=\"t3\"} 1.0")
                .contains("driftd_member_up{fleet=\"tenants\",member=\"t4\"} 0.0");
    }

    @Test
    void metricsSpeakOpenMetricsWhenTheScraperPrefersIt() throws Exception {
        start(false);
        // Prometheus' default scrape Accept header: OpenMetrics first
        HttpResponse<String> om = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;"
                        + "q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(om.statusCode()).isEqualTo(200);
        assertThat(om.headers().firstValue("content-type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(om.body()).endsWith("# EOF\n").contains("# TYPE driftd_snapshot_errors counter")
                .contains("driftd_member_drift{fleet=\"tenants\",member=\"t3\"} 1.0");
        // a scraper that prefers the text format gets it
        HttpResponse<String> text = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Accept", "text/plain;version=0.0.4;q=1,application/openmetrics-text;q=0.2")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(text.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text.body()).doesNotContain("# EOF").contains("# TYPE driftd_snapshot_errors_total counter");
    }

    @Test
    void metricsTokenWhenConfigured() throws Exception {
        start(true);
        assertError(send("GET", "/metrics", null), 401, "unauthorized");
        assertError(send("GET", "/metrics", "wrong"), 401, "unauthorized");
        assertThat(send("GET", "/metrics", METRICS).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/metrics", READ).statusCode()).isEqualTo(200);
        assertError(send("GET", "/metrics", REPORT), 403, "forbidden");
        // the metrics token opens /metrics only
        assertError(send("GET", "/api/v1/fleets", METRICS), 401, "unauthorized");
    }

    @Test
    void authenticationAndRoles() throws Exception {
        start(false);
        HttpResponse<String> none = send("GET", "/api/v1/fleets", null);
        assertError(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertError(send("GET", "/api/v1/fleets", "nope"), 401, "unauthorized");
        assertError(send("GET", "/api/v1/fleets", READ + "x"), 401, "unauthorized");
        assertError(send("GET", "/api/v1/fleets", REPORT), 403, "forbidden");
        assertThat(send("GET", "/api/v1/fleets", READ).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/fleets", ADMIN).statusCode()).isEqualTo(200);
        assertError(send("POST", "/api/v1/fleets/tenants/sweep", READ), 403, "forbidden");
        assertError(send("POST", "/api/v1/reload", REPORT), 403, "forbidden");
        assertThat(fleets.sweeps.get()).isZero();
        assertThat(fleets.reloads.get()).isZero();
        // unknown fleets are not revealed to callers without a token
        assertError(send("GET", "/api/v1/fleets/nosuch", null), 401, "unauthorized");
    }

    @Test
    void unknownPathsMethodsFleetsAndMembers() throws Exception {
        start(false);
        assertError(send("GET", "/api/v1/nothing", READ), 404, "not found");
        assertError(send("GET", "/", null), 404, "not found");
        // served since the events branch: an empty body is a bad event, not an unknown path
        assertError(send("POST", "/api/v1/events/ddl", REPORT), 400, "bad request");
        assertError(send("GET", "/api/v1/fleets/nosuch", READ), 404, "not found");
        assertError(send("GET", "/api/v1/fleets/tenants/members/nosuch/diff", READ), 404, "not found");
        assertError(send("GET", "/api/v1/fleets/nosuch/members/t1/reconcile", READ), 404, "not found");
        assertError(send("POST", "/api/v1/fleets/nosuch/sweep", ADMIN), 404, "not found");
        HttpResponse<String> wrong = send("DELETE", "/api/v1/fleets/tenants", ADMIN);
        assertError(wrong, 405, "method not allowed");
        assertError(send("GET", "/api/v1/reload", ADMIN), 405, "method not allowed");
        assertError(send("POST", "/healthz", null), 405, "method not allowed");
        assertError(send("GET", "/api/v1/fleets/tenants/members/t3/reconcile?destructive=perhaps", READ), 400,
                "bad request");
        assertThat(raw("GET /api/v1/fleets/%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + READ
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400");
        // a member known but never snapshotted has nothing to diff
        assertError(send("GET", "/api/v1/fleets/tenants/members/t4/diff", READ), 409, "no snapshot");
    }

    @Test
    void fleetListAndDetail() throws Exception {
        start(false);
        JsonNode list = json(send("GET", "/api/v1/fleets", READ));
        assertThat(list.path("fleets")).hasSize(1);
        JsonNode f0 = list.path("fleets").get(0);
        assertThat(f0.path("name").asText()).isEqualTo("tenants");
        assertThat(f0.path("summary").path("drifted").asInt()).isEqualTo(1);
        assertThat(f0.path("variants").asInt()).isEqualTo(2);

        JsonNode f = json(send("GET", "/api/v1/fleets/tenants", READ));
        assertThat(f.path("summary").path("members").asInt()).isEqualTo(4);
        assertThat(f.path("summary").path("inSync").asInt()).isEqualTo(2);
        assertThat(f.path("summary").path("unreachable").asInt()).isEqualTo(1);
        assertThat(f.path("summary").path("changes").path("destructive").asInt()).isEqualTo(1);
        JsonNode variants = f.path("variants");
        assertThat(variants).hasSize(2);
        assertThat(variants.get(0).path("golden").asBoolean()).isTrue();
        assertThat(variants.get(0).path("members").toString()).isEqualTo("[\"t1\",\"t2\"]");
        assertThat(variants.get(1).path("golden").asBoolean()).isFalse();
        assertThat(variants.get(1).path("members").toString()).isEqualTo("[\"t3\"]");
        assertThat(f.path("members")).hasSize(4);
        JsonNode t3 = f.path("members").get(2);
        assertThat(t3.path("state").asText()).isEqualTo("drifted");
        assertThat(t3.path("driftSince").asText()).isEqualTo("2026-11-26T04:59:00Z");
        assertThat(f.path("members").get(3).path("error").asText()).isEqualTo("connection refused");
    }

    @Test
    void diffAndReconcile() throws Exception {
        start(false);
        JsonNode d = json(send("GET", "/api/v1/fleets/tenants/members/t3/diff", READ));
        assertThat(d.path("inSync").asBoolean()).isFalse();
        assertThat(d.path("changes")).hasSize(1);
        assertThat(d.path("changes").get(0).path("type").asText()).isEqualTo("EXTRA");
        assertThat(d.path("changes").get(0).path("description").asText()).contains("note");
        assertThat(d.path("counts").path("destructive").asInt()).isEqualTo(1);

        HttpResponse<String> safe = send("GET", "/api/v1/fleets/tenants/members/t3/reconcile", READ);
        assertThat(safe.statusCode()).isEqualTo(200);
        assertThat(safe.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(safe.body()).contains("-- ALTER TABLE public.orders DROP COLUMN note;")
                .doesNotContainPattern("(?m)^ALTER TABLE");
        HttpResponse<String> all = send("GET", "/api/v1/fleets/tenants/members/t3/reconcile?destructive=true", READ);
        assertThat(all.body()).containsPattern("(?m)^ALTER TABLE public.orders DROP COLUMN note;$");
    }

    @Test
    void aMemberInSyncSaysWhichKindsWereNotCompared() throws Exception {
        Snapshot golden = new Snapshot(Flavor.POSTGRES, "15", Scope.database("app", List.of("public")),
                List.of(Table.plain("", "orders")), Set.of(dev.driftd.schema.ObjectKind.OPERATOR,
                dev.driftd.schema.ObjectKind.CAST));
        fleets.diffs.put(InMemoryFleets.key("tenants", "t2"), Differ.compare(golden, golden));
        start(false);
        JsonNode members = json(send("GET", "/api/v1/fleets/tenants", READ)).path("members");
        JsonNode t1 = members.get(0);
        JsonNode t2 = members.get(1);
        assertThat(t2.path("state").asText()).isEqualTo("in_sync");
        assertThat(t2.path("notInspected").toString()).isEqualTo("[\"cast\",\"operator\"]");
        assertThat(t2.path("comparedAll").asBoolean(true)).isFalse();
        assertThat(t1.path("notInspected").toString()).isEqualTo("[]");
        assertThat(t1.path("comparedAll").asBoolean(false)).isTrue();
        // a member without a snapshot claims nothing either way
        assertThat(members.get(3).path("notInspected").toString()).isEqualTo("[]");

        JsonNode d = json(send("GET", "/api/v1/fleets/tenants/members/t2/diff", READ));
        assertThat(d.path("inSync").asBoolean()).isTrue();
        assertThat(d.path("comparedAll").asBoolean(true)).isFalse();
        assertThat(d.path("notInspected").toString()).isEqualTo("[\"cast\",\"operator\"]");
        JsonNode d3 = json(send("GET", "/api/v1/fleets/tenants/members/t3/diff", READ));
        assertThat(d3.path("comparedAll").asBoolean(false)).isTrue();
    }

    @Test
    void sweepAnswers202OrWaitsForTheResult() throws Exception {
        start(false);
        HttpResponse<String> started = send("POST", "/api/v1/fleets/tenants/sweep", ADMIN);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started).path("status").asText()).isEqualTo("started");
        assertThat(fleets.sweeps.get()).isEqualTo(1);

        // wait=true answers only when the sweep completes, and with its result
        CompletableFuture<SweepResult> pending = new CompletableFuture<>();
        fleets.pendingSweep = pending;
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/fleets/tenants/sweep?wait=true"))
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        // the request has reached the fleet service (its sweep is the pending one): only then can "not done" mean anything
        await("the sweep request reaches the service").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> fleets.sweeps.get() == 2);
        assertThat(answer).isNotDone();
        // the event loop is not blocked meanwhile
        assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        pending.complete(new SweepResult("tenants", T0, T0.plusSeconds(2), 4, 2, 1, 1, null, 0));
        HttpResponse<String> r = answer.get();
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = json(r);
        assertThat(n.path("drifted").asInt()).isEqualTo(1);
        assertThat(n.path("unreachable").asInt()).isEqualTo(1);
        assertThat(n.path("finished").asText()).isEqualTo("2026-11-26T05:00:02Z");
    }

    @Test
    void reloadAcceptsOrRejectsKeepingTheOldConfig() throws Exception {
        start(false);
        assertThat(json(send("POST", "/api/v1/reload", ADMIN)).path("status").asText()).isEqualTo("reloaded");
        fleets.reloadError = "driftd.yaml line 4: unknown key 'fleetz'";
        HttpResponse<String> bad = send("POST", "/api/v1/reload", ADMIN);
        assertError(bad, 422, "configuration rejected");
        assertThat(problem(bad).path("detail").asText()).contains("line 4").contains("kept");
        assertThat(fleets.reloads.get()).isEqualTo(2);
    }

    @Test
    void oversizedAndMalformedRequestsGet4xx() throws Exception {
        start(false);
        HttpRequest big = HttpRequest.newBuilder(URI.create(base + "/api/v1/reload"))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(10_000))).build();
        HttpResponse<String> tooLarge = OpenApiContract.check("POST", client.send(big, HttpResponse.BodyHandlers.ofString()));
        assertError(tooLarge, 413, "request too large");
        assertThat(fleets.reloads.get()).isZero();
        // not HTTP at all: a 400, never a 5xx or a hang
        assertThat(raw("THIS IS NOT HTTP\r\n\r\n")).startsWith("HTTP/1.1 4");
    }

    /** Sends bytes the JDK client would refuse to send; returns the whole answer. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
