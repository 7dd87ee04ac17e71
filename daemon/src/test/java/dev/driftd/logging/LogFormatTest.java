package dev.driftd.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link LogProbe} in a child JVM with the shipped logback.xml and checks what reaches
 * standard error: the JSON switch (system property and environment variable) gives exactly one
 * JSON object per line, text is the default, library noise is filtered and secrets are masked.
 * A child JVM is needed because logback reads its configuration once per JVM.
 */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void systemPropertySwitchesToOneJsonObjectPerLine() throws Exception {
        Probe probe = Probe.run(List.of("-Ddriftd.log.format=json"), Map.of());

        assertThat(probe.stderrLines).hasSize(5);
        List<JsonNode> events = new ArrayList<>();
        for (String line : probe.stderrLines) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("line is a JSON object: %s", line).isTrue();
            events.add(node);
        }
        assertThat(events).extracting(e -> e.get("level").asText())
                .containsExactly("INFO", "WARN", "ERROR", "WARN", "INFO");
        assertThat(events.get(0).get("loggerName").asText()).isEqualTo("dev.driftd.sweep.Sweep");
        assertThat(events.get(0).get("formattedMessage").asText()).isEqualTo("tenants: 3 members, 1 drifted");
        // The multi-line message is one event on one line, its line break escaped inside the string.
        assertThat(events.get(1).get("formattedMessage").asText()).isEqualTo("first line\nsecond line\tafter a tab");
        assertThat(events.get(2).get("throwable").toString()).contains("IllegalStateException", "SQLException");
        assertThat(events.get(3).get("loggerName").asText()).isEqualTo("com.zaxxer.hikari.pool.HikariPool");
        assertThat(events.get(3).get("formattedMessage").asText()).isEqualTo("pool is slow for postgresql://driftd:***@db1/app");
        assertNoSecrets(probe);
        assertThat(events.get(4).get("formattedMessage").asText())
                .isEqualTo("rejected request with token=*** and header Bearer ***");
        assertThat(probe.stdout).isEqualTo("probe done\n");
    }

    @Test
    void environmentVariableSwitchesToJsonWhateverItsCase() throws Exception {
        Probe probe = Probe.run(List.of(), Map.of("DRIFTD_LOG_FORMAT", " JSON "));

        assertThat(probe.stderrLines).hasSize(5);
        for (String line : probe.stderrLines) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() throws Exception {
        Probe probe = Probe.run(List.of("-Ddriftd.log.format=text"), Map.of("DRIFTD_LOG_FORMAT", "json"));

        assertThat(probe.stderrLines).hasSize(5).noneMatch(l -> l.startsWith("{"));
    }

    @Test
    void textIsTheDefaultWithOneLinePerEvent() throws Exception {
        Probe probe = Probe.run(List.of(), Map.of());

        assertThat(probe.stderrLines).hasSize(5);
        assertThat(probe.stderrLines).allMatch(
                l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ (INFO |WARN |ERROR) \\[[^]]+] \\S+ - .*"), "text pattern");
        assertThat(probe.stderrLines.get(0)).endsWith(" - tenants: 3 members, 1 drifted");
        assertThat(probe.stderrLines.get(1)).endsWith(" - first line | second line after a tab");
        // The stack trace is folded onto the ERROR line, cause included.
        assertThat(probe.stderrLines.get(2)).contains("snapshot of t1 failed | java.lang.IllegalStateException",
                "password=***", "Caused by: java.sql.SQLException: connection refused");
        assertNoSecrets(probe);
        assertThat(probe.stdout).isEqualTo("probe done\n");
    }

    @Test
    void unknownFormatFallsBackToTextAndSaysSoOnStandardError() throws Exception {
        Probe probe = Probe.run(List.of("-Ddriftd.log.format=xml"), Map.of());

        assertThat(probe.stderr).contains("-Ddriftd.log.format=xml is not a log format (text, json); using text");
        assertThat(probe.stderrLines).filteredOn(l -> l.contains(" - tenants: 3 members, 1 drifted")).hasSize(1);
        assertThat(probe.stdout).isEqualTo("probe done\n");
    }

    @Test
    void driftdLevelCanBeRaisedToDebugWithoutLibraryNoise() throws Exception {
        Probe probe = Probe.run(List.of("-Ddriftd.log.level=DEBUG"), Map.of());

        assertThat(probe.stderr).contains("driftd debug detail that INFO hides")
                .doesNotContain("netty debug noise", "quartz info noise");
        assertThat(probe.stderrLines).hasSize(6);
    }

    private static void assertNoSecrets(Probe probe) {
        assertThat(probe.stderr).doesNotContain(LogProbe.DB_PASSWORD, LogProbe.TOKEN)
                .doesNotContain("netty debug noise", "quartz info noise", "driftd debug detail");
    }

    /** One child JVM running LogProbe; stdout and stderr captured separately. */
    private record Probe(String stdout, String stderr, List<String> stderrLines) {
        static Probe run(List<String> jvmOptions, Map<String, String> env) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // Surefire runs tests from a manifest-only jar; its real class path is in this property.
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classPath));
            command.addAll(jvmOptions);
            command.add(LogProbe.class.getName());
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("DRIFTD_LOG_FORMAT");
            pb.environment().remove("DRIFTD_LOG_LEVEL");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().putAll(env);
            File out = File.createTempFile("logprobe", ".out");
            File err = File.createTempFile("logprobe", ".err");
            try {
                pb.redirectOutput(out).redirectError(err);
                Process p = pb.start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("LogProbe did not finish within 60 s");
                }
                String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
                String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as("LogProbe exit status; stderr:%n%s", stderr).isZero();
                List<String> lines = stderr.lines().filter(l -> !l.isEmpty()).toList();
                return new Probe(stdout, stderr, lines);
            } finally {
                Files.deleteIfExists(out.toPath());
                Files.deleteIfExists(err.toPath());
            }
        }
    }
}
