package dev.driftd.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon for fleet tests, its tokens read from files ({@code ${file:...}}). Schedules are
 * set far in the future ({@link #NEVER}) so that only the sweeps a test asks for run.
 */
final class DaemonHarness extends E2eDaemon {
    static final String ADMIN = "e2e-admin-token-5d1f0c";
    static final String READ = "e2e-read-token-a93e77";
    static final String NEVER = "0 0 0 1 1 ? 2099";

    /**
     * The fleets block of a fleet swept only on request: golden and members t1, t2, ... in order,
     * each URL as given, a 10 s timeout.
     */
    static String manualFleet(String name, String goldenUrl, String... memberUrls) {
        StringBuilder y = new StringBuilder("- name: " + name + "\n  schedule: \"" + NEVER + "\"\n  golden: {url: \""
                + goldenUrl + "\"}\n  timeout: 10s\n  members:\n");
        for (int i = 0; i < memberUrls.length; i++) {
            y.append("    - {name: t").append(i + 1).append(", url: \"").append(memberUrls[i]).append("\"}\n");
        }
        return y.toString();
    }

    /** @param fleets the {@code fleets:} section, indented by two spaces per level from column 0 */
    DaemonHarness(String fleets) throws Exception {
        super("""
                - {name: e2e-admin, role: admin, secret: "${file:admin.token}"}
                - {name: e2e-read, role: read, secret: "${file:read.token}"}
                """, ADMIN, Map.of("admin.token", ADMIN, "read.token", READ), fleets);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token);
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
}
