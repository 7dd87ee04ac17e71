package dev.driftd.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** config/driftd.yaml is the documentation of the file: it must load, and it must mention every key. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("..", "config", "driftd.yaml");

    @TempDir
    Path dir;

    @Test
    void theExampleLoads() throws Exception {
        // as systemd runs it: the admin token is the credential admin.token
        Files.writeString(dir.resolve("admin.token"), "admin-token-0123456789\n");
        String text = Files.readString(EXAMPLE);
        Map<String, String> env = Map.of("DRIFTD_READ_TOKEN", "read-token-0123456789", "DRIFTD_REPORT_TOKEN", "report-token-0123456789", "PG_PASSWORD", "x",
                "MY_PASSWORD", "y", "CREDENTIALS_DIRECTORY", dir.toString());
        Config c = ConfigLoader.parse(text, EXAMPLE.toString(), EXAMPLE.toAbsolutePath().getParent(), env::get);
        assertThat(c.fleets()).extracting(FleetConfig::name).containsExactly("tenants", "shops");
        assertThat(c.server().tokens()).hasSize(3);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.server().tokens().get(2).secret().reveal()).isEqualTo("admin-token-0123456789");
        assertThat(c.fleets()).extracting(FleetConfig::schedule).containsExactly("every 5m", "*/10 * * * *");
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        String text = Files.readString(EXAMPLE);
        for (String key : ConfigReader.knownKeys()) {
            assertThat(text).as("config/driftd.yaml documents '%s'", key).containsPattern("\\b" + key + ":");
        }
    }
}
