package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.http.RunningDaemon;
import dev.driftd.testing.TempDirs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon with three admin tokens (alice, bob, carol) and a read token, for the plan and
 * approval flows: two-person approval needs two admins besides the plan's maker.
 */
final class PlansHarness implements AutoCloseable {
    static final String ALICE = "alice-secret-0f3b9a71";
    static final String BOB = "bob-secret-71c2d004";
    static final String CAROL = "carol-secret-9e8a6b12";
    static final String READER = "reader-secret-4d5e6f70";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    volatile RunningDaemon daemon;
    volatile String base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PlansHarness(String fleets) throws Exception {
        dir = Files.createTempDirectory("driftd-plans-");
        Files.writeString(dir.resolve("driftd.yaml"), """
                server:
                  bind: 127.0.0.1:9741
                  tokens:
                    - {name: alice, role: admin, secret: "%s"}
                    - {name: bob, role: admin, secret: "%s"}
                    - {name: carol, role: admin, secret: "%s"}
                    - {name: reader, role: read, secret: "%s"}
                store:
                  url: "jdbc:h2:file:%s"
                fleets:
                %s""".formatted(ALICE, BOB, CAROL, READER, dir.resolve("store/driftd"), fleets.indent(2)));
        try {
            start();
        } catch (Exception | Error e) {
            TempDirs.delete(dir);
            throw e;
        }
    }

    private void start() throws InterruptedException {
        daemon = RunningDaemon.start(dir.resolve("driftd.yaml"), new InetSocketAddress("127.0.0.1", 0));
        base = "http://127.0.0.1:" + daemon.address().getPort();
    }

    /** Stops the daemon and starts it again on the same configuration and store (on another port). */
    void restart() throws InterruptedException {
        daemon.close();
        start();
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String method, String path, String token, String body, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, token, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    void sweep(String fleet) throws IOException, InterruptedException {
        ok("POST", "/api/v1/fleets/" + fleet + "/sweep?wait=true", ALICE, null, 200);
    }

    /** Polls a started rollout until it is no longer running (at most two minutes); its last answer. */
    JsonNode awaitRollout(String fleet, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode r = ok("GET", "/api/v1/fleets/" + fleet + "/rollouts/" + id, READER, null, 200);
            if (!r.path("state").asText().equals("running")) {
                return r;
            }
            assertThat(System.nanoTime()).as("rollout " + id + " still running: " + r).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** GET /metrics (no token needed by default). */
    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/metrics", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Override
    public void close() {
        try {
            daemon.close();
        } finally {
            TempDirs.delete(dir);
        }
    }

}
