package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.daemon.RunningDaemon;
import dev.driftd.http.OpenApiContract;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon for end-to-end tests: a config written to a temp directory (H2 store there),
 * {@link RunningDaemon} on a free port, and HTTP helpers. The harnesses differ in their tokens and
 * in the helpers their tests need; this is what they share.
 */
abstract class E2eDaemon implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;
    volatile RunningDaemon daemon;
    volatile String base;

    /**
     * @param tokens     the {@code tokens:} list, one {@code - {...}} line each
     * @param adminToken the secret this harness sweeps with
     * @param files      files written into the directory before the daemon starts (name to content)
     * @param fleets     the {@code fleets:} section, indented by two spaces per level from column 0
     */
    E2eDaemon(String tokens, String adminToken, Map<String, String> files, String fleets) throws Exception {
        this.adminToken = adminToken;
        dir = Files.createTempDirectory("driftd-e2e-");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            Files.writeString(dir.resolve("driftd.yaml"), """
                    server:
                      bind: 127.0.0.1:9741
                      tokens:
                    %s
                    store:
                      url: "jdbc:h2:file:%s"
                    fleets:
                    %s""".formatted(tokens.strip().indent(4).stripTrailing(), dir.resolve("store/driftd"),
                    fleets.indent(2)));
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

    HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        return send(method, path, token, null);
    }

    /** A request with an optional JSON body and bearer token. */
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
        // every answer the e2e tests get is checked against docs/openapi.yaml
        return OpenApiContract.check(method, client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** POST .../sweep?wait=true as admin; the sweep's JSON result. */
    JsonNode sweep(String fleet) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/v1/fleets/" + fleet + "/sweep?wait=true", adminToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** GET /metrics (no token needed by default). */
    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/metrics", null);
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
