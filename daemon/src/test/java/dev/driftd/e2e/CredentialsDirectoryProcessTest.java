package dev.driftd.e2e;

import dev.driftd.cli.Main;
import dev.driftd.http.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code driftd run} started as systemd starts it with {@code LoadCredential=}: the variable
 * {@code CREDENTIALS_DIRECTORY} names a directory holding one file per credential, readable by the
 * service's user only. The daemon must take its token secrets from there ({@code ${credential:NAME}}),
 * and refuse to start, naming file, line and credential, when one is missing.
 */
class CredentialsDirectoryProcessTest {
    @TempDir
    Path dir;

    private static String secret() {
        return "cred-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private Path config(int port) throws Exception {
        return Files.writeString(dir.resolve("driftd.yaml"), """
                server:
                  bind: 127.0.0.1:%d
                  tokens:
                    - {name: ops, role: admin, secret: "${credential:admin.token}"}
                  metrics_token: "${credential:metrics.token}"
                store:
                  url: "jdbc:h2:file:%s"
                """.formatted(port, dir.resolve("store/driftd")));
    }

    /** Writes a credential as systemd does: a file named after its ID, mode 0400. */
    private static void credential(Path creds, String name, String value) throws Exception {
        Path f = Files.writeString(creds.resolve(name), value);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
    }

    private record Started(Process process, Thread reader) {
    }

    private static Started start(Path config, Path creds, List<String> output) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true);
        pb.environment().put("CREDENTIALS_DIRECTORY", creds.toString());
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    output.add(l);
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Started(p, reader);
    }

    @Test
    void tokensComeFromTheCredentialsDirectory() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path creds = Files.createDirectories(dir.resolve("credentials"));
        String admin = secret();
        String metrics = secret();
        credential(creds, "admin.token", admin + "\n");
        credential(creds, "metrics.token", metrics);
        List<String> output = new CopyOnWriteArrayList<>();
        Process p = start(config(port), creds, output).process();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (output.stream().noneMatch(l -> l.contains("listening on"))) {
                assertThat(p.isAlive()).as("driftd run exited early: %s", output).isTrue();
                assertThat(System.nanoTime()).as("driftd did not start within 90 s: %s", output).isLessThan(deadline);
                p.waitFor(200, TimeUnit.MILLISECONDS); // returns at once if it exits: then the check above fails
            }
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            Map<String, Integer> expected = Map.of(admin, 200, "wrong-" + admin, 401);
            for (var e : expected.entrySet()) {
                HttpResponse<String> r = OpenApiContract.check("GET", http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/fleets"))
                        .header("Authorization", "Bearer " + e.getKey()).build(), HttpResponse.BodyHandlers.ofString()));
                assertThat(r.statusCode()).as("GET /api/v1/fleets with %s token", e.getValue() == 200 ? "the credential's" : "a wrong")
                        .isEqualTo(e.getValue());
            }
            HttpResponse<String> scrape = OpenApiContract.check("GET", http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("Authorization", "Bearer " + metrics).build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(scrape.statusCode()).isEqualTo(200);
            HttpResponse<String> anonymous = OpenApiContract.check("GET", http.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(anonymous.statusCode()).as("metrics_token from the credential is enforced").isEqualTo(401);
            assertThat(String.join("\n", output)).doesNotContain(admin).doesNotContain(metrics);
        } finally {
            p.toHandle().destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aMissingCredentialStopsTheStartWithFileLineAndName() throws Exception {
        Path creds = Files.createDirectories(dir.resolve("credentials"));
        credential(creds, "admin.token", secret());
        Path config = config(9);
        List<String> output = new CopyOnWriteArrayList<>();
        Started started = start(config, creds, output);
        CompletableFuture<Process> exited = started.process().onExit();
        assertThat(exited.get(90, TimeUnit.SECONDS).exitValue()).isEqualTo(Main.ERROR);
        started.reader().join(TimeUnit.SECONDS.toMillis(30)); // the pipe is at its end: this returns at once
        String all = String.join("\n", output);
        // one line, as it reaches the journal (through the log redactor): file, line, key, credential, path
        assertThat(all).contains(config + ":5: server.metrics_token: 'metrics.token': no such systemd credential, "
                + "cannot read " + creds.resolve("metrics.token")).doesNotContain("***");
    }
}
