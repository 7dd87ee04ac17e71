package dev.driftd.demo;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shaded {@code target/driftd-demo.jar} as the README runs it ({@code java -jar}, so a failsafe
 * test: it needs the package phase): it starts, prints a working admin token, and on SIGTERM (what
 * Ctrl-C's shutdown runs too) stops its server and removes its files. What DemoSmokeTest cannot see:
 * the jar's manifest, its merged service files and its bundled PostgreSQL archive.
 */
class DemoJarIT {
    private static final Path JAR = Path.of("target/driftd-demo.jar");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void theJarRunsTheDemoAndCleansUpOnTermination() throws Exception {
        assertThat(JAR).as("the shaded jar (mvn package) must exist for this test").exists();
        Path log = Files.createTempFile("driftd-demo-jar-", ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--bind", "127.0.0.1:0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String out = awaitLine(p, log, "Ctrl-C stops the demo");
            String base = group(out, "driftd is listening on (http://127\\.0\\.0\\.1:\\d+)");
            String token = group(out, "export DRIFTD_TOKEN=(\\S+)");
            int pgPort = Integer.parseInt(group(out, "embedded PostgreSQL on 127\\.0\\.0\\.1:(\\d+)"));
            Path dir = Path.of(group(out, "wrote (\\S+)/driftd\\.yaml"));
            assertThat(dir).isDirectory();

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> fleet = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/fleets/tenants"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fleet.statusCode()).isEqualTo(200);
            assertThat(fleet.body()).contains("tenant_hooli").containsPattern("\"drifted\"\\s*:\\s*4\\b");

            p.destroy(); // SIGTERM: the shutdown hook stops the daemon and the server
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the demo ends after SIGTERM").isTrue();
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("stopping and removing the demo databases");
            assertThat(dir).doesNotExist();
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", pgPort), 2000);
                }
            }).as("the embedded PostgreSQL is stopped").isInstanceOf(java.io.IOException.class);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }

    private static String awaitLine(Process p, Path log, String marker) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains(marker)) {
                return out;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the demo exited with " + p.exitValue() + " before it was ready:\n" + out);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo was not ready within " + STARTUP + ":\n" + Files.readString(log));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("output has /%s/:%n%s", regex, text).isTrue();
        return m.group(1);
    }
}
