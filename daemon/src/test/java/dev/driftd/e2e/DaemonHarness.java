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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon for end-to-end tests: a config written to a temp directory (H2 store there,
 * tokens from files), {@link RunningDaemon} on a free port, and HTTP helpers. Schedules are set
 * far in the future so that only the sweeps a test asks for run.
 */
final class DaemonHarness implements AutoCloseable {
    static final String ADMIN = "e2e-admin-token-5d1f0c";
    static final String READ = "e2e-read-token-a93e77";
    static final String NEVER = "0 0 0 1 1 ? 2099";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final RunningDaemon daemon;
    final String base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param fleets the {@code fleets:} section, indented by two spaces per level from column 0 */
    DaemonHarness(String fleets) throws Exception {
        dir = Files.createTempDirectory("driftd-e2e-");
        Files.writeString(dir.resolve("admin.token"), ADMIN);
        Files.writeString(dir.resolve("read.token"), READ);
        Files.writeString(dir.resolve("driftd.yaml"), """
                server:
                  bind: 127.0.0.1:9741
                  tokens:
                    - {name: e2e-admin, role: admin, secret: "${file:admin.token}"}
                    - {name: e2e-read, role: read, secret: "${file:read.token}"}
                store:
                  url: "jdbc:h2:file:%s"
                fleets:
                %s""".formatted(dir.resolve("store/driftd").toString(), fleets.indent(2)));
        RunningDaemon d;
        try {
            d = RunningDaemon.start(dir.resolve("driftd.yaml"), new InetSocketAddress("127.0.0.1", 0));
        } catch (Exception | Error e) {
            TempDirs.delete(dir);
            throw e;
        }
        daemon = d;
        base = "http://127.0.0.1:" + daemon.address().getPort();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token);
    }

    HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST .../sweep?wait=true as admin; the sweep's JSON result. */
    JsonNode sweep(String fleet) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/v1/fleets/" + fleet + "/sweep?wait=true", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/metrics", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** Runs a SQL script through a command-line client (psql, mysql) reading standard input. */
    static void runClient(String script, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + " said:\n" + out + "\nscript:\n" + script).isZero();
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
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
