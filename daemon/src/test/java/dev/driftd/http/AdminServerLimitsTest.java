package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.events.MemberRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.driftd.http.AdminServerTest.ADMIN;
import static dev.driftd.http.AdminServerTest.READ;
import static dev.driftd.http.AdminServerTest.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 items 3, 4, 5: probes that never wait, DDL events taken in off the workers behind a
 * bounded queue, slow and partial clients, the connection cap, early token checks, pipelining.
 */
class AdminServerLimitsTest {
    static final String EVENT = """
            {"statement": "CREATE TABLE x (a int)", "flavor": "postgresql", "serverHost": "db",
             "serverPort": 5432, "database": "app", "time": "2026-11-26T05:00:00Z"}""";

    final AdminServerTest t = new AdminServerTest();

    @BeforeEach
    void fleet() {
        t.fleet();
    }

    @AfterEach
    void stop() {
        t.stop();
    }

    void start(int maxRequestBytes, int connections, Duration idle, Duration request, int eventQueue) throws Exception {
        t.start(false, new HttpSettings(new InetSocketAddress("127.0.0.1", 0), maxRequestBytes)
                .withLimits(connections, idle, request), eventQueue);
    }

    void start() throws Exception {
        start(4096, 64, Duration.ofSeconds(30), Duration.ofSeconds(30), 64);
    }

    int port() {
        return Integer.parseInt(t.base.substring(t.base.lastIndexOf(':') + 1));
    }

    CompletableFuture<HttpResponse<String>> async(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return t.client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> OpenApiContract.check(method, r));
    }

    HttpResponse<String> quick(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(t.base + path)).timeout(Duration.ofSeconds(1)).build();
        return OpenApiContract.check("GET", t.client.send(r, HttpResponse.BodyHandlers.ofString()));
    }

    /** Regression (item 4): six slow API calls made /healthz wait behind them. */
    @Test
    void probesAnswerWhileEveryWorkerIsBusy() throws Exception {
        start();
        t.fleets.gate = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slow.add(async("GET", "/api/v1/fleets/tenants/members/t3/diff", READ, null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> t.fleets.waiting.get() == 4); // every worker held
        for (int i = 0; i < 3; i++) {
            assertThat(quick("/healthz").statusCode()).isEqualTo(200);
            assertThat(quick("/readyz").statusCode()).isEqualTo(200);
            assertThat(quick("/metrics").body()).contains("driftd_member_drift");
        }
        // liveness does not even queue behind scrapes: answered while a flood of them is under way
        List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // under the test server's cap of 64 connections
            scrapes.add(async("GET", "/metrics", null, null));
        }
        assertThat(quick("/healthz").statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> f : scrapes) {
            assertThat(f.get().statusCode()).isBetween(200, 503);
        }
        t.fleets.gate.countDown();
        for (CompletableFuture<HttpResponse<String>> f : slow) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
    }

    /** Regression (item 3): events are taken in on the queue's thread; a full queue is a 429, counted. */
    @Test
    void eventsWaitInABoundedQueueOffTheWorkers() throws Exception {
        start(4096, 64, Duration.ofSeconds(30), Duration.ofSeconds(30), 2);
        t.fleets.ddl = e -> List.of(new MemberRef("tenants", "t1"));
        t.fleets.gate = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> taken = new ArrayList<>();
        taken.add(async("POST", "/api/v1/events/ddl", REPORT, EVENT));
        await().atMost(Duration.ofSeconds(10)).until(() -> t.fleets.waiting.get() == 1); // the intake thread is held
        for (int i = 0; i < 6; i++) {
            taken.add(async("POST", "/api/v1/events/ddl", REPORT, EVENT)); // more than there are workers
        }
        // two wait in the queue; the rest are refused at once, and no worker is held by any of them
        await().atMost(Duration.ofSeconds(10)).until(() -> taken.stream().filter(CompletableFuture::isDone).count() == 4);
        for (CompletableFuture<HttpResponse<String>> f : taken) {
            if (f.isDone()) {
                HttpResponse<String> r = f.get();
                AdminServerTest.assertError(r, 429, "too many requests");
                assertThat(r.headers().firstValue("retry-after")).hasValue("1");
            }
        }
        assertThat(t.send("GET", "/api/v1/fleets", READ).statusCode()).isEqualTo(200);
        assertThat(quick("/metrics").body()).contains("driftd_ddl_events_rejected_total{reason=\"queue_full\"} 4.0");
        t.fleets.gate.countDown();
        long accepted = 0;
        for (CompletableFuture<HttpResponse<String>> f : taken) {
            if (f.get().statusCode() == 202) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(3);
    }

    /** Regression (item 3): a failure while taking an event in was a 500 with no log line and no count. */
    @Test
    void anEventThatFailsIsAnsweredAndCounted() throws Exception {
        start();
        t.fleets.ddl = e -> {
            throw new StackOverflowError();
        };
        AdminServerTest.assertError(t.send("POST", "/api/v1/events/ddl", REPORT, EVENT), 500, "internal error");
        assertThat(quick("/metrics").body()).contains("driftd_ddl_events_rejected_total{reason=\"failed\"} 1.0");
        // and the server goes on serving
        t.fleets.ddl = e -> List.of();
        assertThat(t.send("POST", "/api/v1/events/ddl", REPORT, EVENT).statusCode()).isEqualTo(202);
    }

    /** Regression (item 8): the proxy's token learnt every matching member's name. */
    @Test
    void aReportTokenIsNotToldMemberNames() throws Exception {
        start();
        t.fleets.ddl = e -> List.of(new MemberRef("tenants", "t1"), new MemberRef("other", "secret_customer"));
        HttpResponse<String> report = t.send("POST", "/api/v1/events/ddl", REPORT, EVENT);
        assertThat(report.statusCode()).isEqualTo(202);
        assertThat(report.body()).doesNotContain("secret_customer").doesNotContain("t1").doesNotContain("tenants");
        assertThat(AdminServerTest.json(report).path("members").asInt()).isEqualTo(2);
        JsonNode admin = AdminServerTest.json(t.send("POST", "/api/v1/events/ddl", ADMIN, EVENT));
        assertThat(admin.path("matched").toString()).contains("secret_customer");
    }

    /** Regression (item 5): unauthenticated clients declaring a big body were buffered and held. */
    @Test
    void aBodyIsNotReadBeforeTheTokenIsChecked() throws Exception {
        start(2 << 20, 64, Duration.ofSeconds(30), Duration.ofSeconds(30), 64);
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", port());
                clients.add(s);
                s.setSoTimeout(5000);
                String auth = i % 2 == 0 ? "" : "Authorization: Bearer wrong\r\n";
                s.getOutputStream().write(("POST /api/v1/events/ddl HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Content-Length: 1048576\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().write(new byte[64 * 1024]); // part of the body, then the client stalls
                s.getOutputStream().flush();
            }
            for (Socket s : clients) {
                String answer = readUntilClosed(s.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 401").contains("connection: close");
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> t.server.openConnections() == 0);
        // a read token on the event endpoint is refused from the headers too
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /api/v1/events/ddl HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + READ
                    + "\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntilClosed(s.getInputStream())).startsWith("HTTP/1.1 403");
        }
    }

    /** Regression (item 5): a silent or half-sent request held its connection forever. */
    @Test
    void idleAndStalledConnectionsAreClosed() throws Exception {
        start(4096, 64, Duration.ofMillis(400), Duration.ofMillis(600), 64);
        try (Socket idle = new Socket("127.0.0.1", port()); Socket stalled = new Socket("127.0.0.1", port());
             Socket kept = new Socket("127.0.0.1", port())) {
            stalled.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            kept.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (Socket s : List.of(idle, stalled, kept)) {
                s.setSoTimeout(5000);
            }
            assertThat(readUntilClosed(idle.getInputStream())).isEmpty();
            assertThat(readUntilClosed(stalled.getInputStream())).isEmpty();
            // a keep-alive connection gets its answer, then is closed once idle
            assertThat(readUntilClosed(kept.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    /** Regression (item 5): there was no cap on open connections. */
    @Test
    void connectionsOverTheCapAreClosed() throws Exception {
        start(4096, 3, Duration.ofSeconds(30), Duration.ofSeconds(30), 64);
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(new Socket("127.0.0.1", port()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> t.server.openConnections() == 3);
            try (Socket over = new Socket("127.0.0.1", port())) {
                over.setSoTimeout(5000);
                try {
                    over.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedAlready) {
                    // the server may have closed it before the write
                }
                assertThat(readUntilClosed(over.getInputStream())).isEmpty();
            }
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).until(() -> t.server.openConnections() == 2);
            assertThat(quick("/healthz").statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** Regression (item 5): pipelined answers came back in completion order, and Connection: close lost some. */
    @Test
    void pipelinedRequestsAreAnsweredInOrderUpToTheClose() throws Exception {
        start();
        t.fleets.gate = new CountDownLatch(1);
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String auth = "Authorization: Bearer " + READ + "\r\n";
            out.write(("GET /api/v1/fleets/tenants/members/t3/diff HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                    + "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /api/v1/fleets HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> t.fleets.waiting.get() == 1
                    && t.fleets.readyCalls.get() >= 1 && t.fleets.listCalls.get() >= 1);
            t.fleets.gate.countDown();
            String all = readUntilClosed(s.getInputStream());
            Matcher m = Pattern.compile("HTTP/1.1 (\\d{3})").matcher(all);
            List<String> statuses = new ArrayList<>();
            while (m.find()) {
                statuses.add(m.group(1));
            }
            assertThat(statuses).containsExactly("200", "200", "200"); // the request after the close is not answered
            int diff = all.indexOf("\"insync\"");
            int ready = all.indexOf("\"ready\"");
            int fleets = all.indexOf("\"fleets\"");
            assertThat(diff).isPositive().isLessThan(ready);
            assertThat(ready).isLessThan(fleets);
        }
    }

    /** Regression (found by the fuzz test): a client that half-closed after its request lost the answer. */
    @Test
    void aClientThatHalfClosesStillGetsItsAnswers() throws Exception {
        start();
        t.fleets.gate = new CountDownLatch(1);
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /api/v1/fleets/tenants/members/t3/diff HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + READ + "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            await().atMost(Duration.ofSeconds(10)).until(() -> t.fleets.waiting.get() == 1);
            t.fleets.gate.countDown();
            String all = readUntilClosed(s.getInputStream());
            assertThat(all).startsWith("HTTP/1.1 200").contains("\"insync\"").contains("\"ok\"");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> t.server.openConnections() == 0);
    }

    /** Regression (item 8): '+' in a path segment was read as a space. */
    @Test
    void aPlusInAPathIsAPlus() throws Exception {
        start();
        HttpResponse<String> r = t.send("GET", "/api/v1/fleets/tenants/members/t+3/diff", READ);
        AdminServerTest.assertError(r, 404, "not found");
        assertThat(AdminServerTest.problem(r).path("detail").asText()).contains("'t+3'");
        assertThat(AdminServer.segments("/a+b/c%2Bd/e%20f")).containsExactly("a+b", "c+d", "e f");
    }

    /** Reads until the server closes the connection (or 5 s pass without a byte: a failure). */
    static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) >= 0) {
                buf.write(b, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed; got so far: "
                    + buf.toString(StandardCharsets.US_ASCII), e);
        } catch (java.net.SocketException reset) {
            // closed by the server with unread bytes of ours: closed all the same
        }
        return buf.toString(StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT).replace("http/1.1", "HTTP/1.1");
    }
}
