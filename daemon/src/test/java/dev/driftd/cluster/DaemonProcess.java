package dev.driftd.cluster;

import dev.driftd.http.OpenApiContract;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * A real {@code driftd run} process (a separate JVM on the test classpath: what {@code java -jar
 * driftd.jar run} runs, available before the jar is packaged), its log file and its HTTP port.
 * Closing it stops it with SIGTERM, or SIGKILL when it does not stop.
 */
public final class DaemonProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private DaemonProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** A free TCP port on loopback (free now; the daemon binds it a moment later). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static DaemonProcess start(Path config, Path log, int port) throws IOException {
        return start(config, log, port, List.of());
    }

    /** With extra JVM options (e.g. {@code -Ddriftd.log.format=json}) before the main class. */
    public static DaemonProcess start(Path config, Path log, int port, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.driftd.cli.Main", "run",
                "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new DaemonProcess(p, log, port);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until /readyz answers 200; fails with the log's tail when the process died or it took too long. */
    public void awaitReady(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("driftd (pid " + pid() + ") exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/readyz", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("driftd (pid " + pid() + ") not ready after " + max + ":\n" + tail());
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return OpenApiContract.check("GET", HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return OpenApiContract.check("POST", HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A request with a JSON body (or none when {@code body} is null). */
    public HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        // every answer a cluster test gets is checked against docs/openapi.yaml
        return OpenApiContract.check(method, HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends a POSIX signal by name (HUP, KILL, TERM) through kill(1). */
    public void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** kill -9: no shutdown hook, no goodbye to the cluster. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    public String tail() {
        String all = log();
        return all.length() <= 6000 ? all : all.substring(all.length() - 6000);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
