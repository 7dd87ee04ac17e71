package dev.driftd.e2e;

import dev.driftd.cli.Main;
import dev.driftd.http.OpenApiContract;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftd run} as a process: logs where it listens, serves, stops cleanly on SIGTERM; bad configs exit 2. */
class RunCommandProcessTest {
    @Test
    void runsServesAndStopsOnSigterm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("driftd-run-");
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("runcmd_golden")
                .execute("CREATE TABLE t (id int PRIMARY KEY)")) {
            Path config = dir.resolve("driftd.yaml");
            Files.writeString(config, """
                    server:
                      bind: 127.0.0.1:%d
                    store:
                      url: "jdbc:h2:file:%s"
                    fleets:
                      - name: solo
                        schedule: "0 0 0 1 1 ? 2099"
                        golden: {url: "%s"}
                        members:
                          - {name: self, url: "%s"}
                    """.formatted(port, dir.resolve("store/driftd"), golden.url(), golden.url()));
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString())
                    .redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            List<String> all = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(l);
                        all.add(l);
                    }
                } catch (Exception ignored) {
                    // the process ended
                }
            });
            reader.start();
            try {
                String listening = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (listening == null && System.nanoTime() < deadline) {
                    String l = lines.poll(1, TimeUnit.SECONDS);
                    if (l != null && l.contains("listening on")) {
                        listening = l;
                    }
                    assertThat(p.isAlive() || !lines.isEmpty()).as("driftd run exited early: " + all).isTrue();
                }
                assertThat(listening).contains("http://127.0.0.1:" + port);
                HttpResponse<String> health = OpenApiContract.check("GET", HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()));
                assertThat(health.statusCode()).isEqualTo(200);

                // SIGTERM through the handle: Process.destroy() would also close our end of its output
                p.toHandle().destroy();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIGTERM").isTrue();
                reader.join(5000);
                assertThat(String.join("\n", all)).as("exit " + p.exitValue() + ", reader alive " + reader.isAlive())
                        .contains("driftd stopping").contains("driftd stopped").doesNotContain("Exception");
                assertThat(p.exitValue()).isEqualTo(143);
            } finally {
                p.destroyForcibly();
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void badConfigExitsTwoWithFileAndLine() throws Exception {
        Path dir = Files.createTempDirectory("driftd-run-");
        Path config = dir.resolve("driftd.yaml");
        Files.writeString(config, "server:\n  bind: 127.0.0.1:9741\nfleetz: []\n");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[]{"run", "--config", config.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("driftd: ").contains("driftd.yaml").contains("3").contains("fleetz")
                .doesNotContain("\n");
        int missing = Main.run(new String[]{"run", "--config", dir.resolve("nope.yaml").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(missing).isEqualTo(2);
        Files.delete(config);
        Files.delete(dir);
    }
}
