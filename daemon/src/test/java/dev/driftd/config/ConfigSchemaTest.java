package dev.driftd.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * config/driftd.schema.json, the JSON Schema editors use to complete and check driftd.yaml: the
 * example config passes it, it knows exactly the keys the daemon knows, and what it refuses the
 * daemon refuses too (the daemon's file:line errors stay the authority).
 */
class ConfigSchemaTest {
    private static final Path SCHEMA = Path.of("..", "config", "driftd.schema.json");
    private static final Path EXAMPLE = Path.of("..", "config", "driftd.yaml");
    private static final Map<String, String> ENV = Map.of("T", "token-0123456789abcdef");
    private static Schema schema;

    @BeforeAll
    static void load() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA));
    }

    private static List<Error> errors(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }

    @Test
    void theExampleConfigPasses() throws Exception {
        assertThat(errors(Files.readString(EXAMPLE))).isEmpty();
    }

    @Test
    void theSchemaKnowsExactlyTheDaemonsKeys() throws Exception {
        Set<String> inSchema = new TreeSet<>();
        collectPropertyNames(new ObjectMapper().readTree(SCHEMA.toFile()), inSchema);
        assertThat(inSchema).isEqualTo(ConfigReader.knownKeys());
    }

    private static void collectPropertyNames(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                props.fieldNames().forEachRemaining(out::add);
            }
            node.forEach(child -> collectPropertyNames(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectPropertyNames(child, out));
        }
    }

    private static final String FLEET = """
            server:
              tokens: [{name: ops, role: admin, secret: "${env:T}"}]
            fleets:
              - name: f
                schedule: SCHEDULE
                timeout: TIMEOUT
                golden: {member: a}
                members: [{name: a, url: "jdbc:postgresql://db:5432/app"}]
            """;

    private static String fleet(String schedule, String timeout) {
        return FLEET.replace("SCHEDULE", schedule).replace("TIMEOUT", timeout);
    }

    @Test
    void everyScheduleFormAndCompoundDurationsPass() throws Exception {
        for (String schedule : List.of("\"0 */5 * * * ?\"", "\"0 0 12 ? * MON-FRI 2030\"", "\"*/5 * * * *\"",
                "{every: 5m}", "{every: 1h30m}", "\"every 1d\"")) {
            String yaml = fleet(schedule, "1m30s");
            assertThat(errors(yaml)).as(schedule).isEmpty();
            ConfigLoader.parse(yaml, "t.yaml", Path.of("."), ENV::get); // and the daemon agrees
        }
        assertThat(errors(fleet("\"0 */5 * * * ?\"", "2d12h").replace("${env:T}", "${credential:ops.token}"))).isEmpty();
    }

    @Test
    void mistakesTheSchemaCatchesAreMistakesForTheDaemonToo() {
        List<String> bad = List.of(
                fleet("{each: 5m}", "30s"),
                fleet("{every: soon}", "30s"),
                fleet("\"* * *\"", "30s"),
                fleet("\"0 */5 * * * ?\"", "1.5h"),
                fleet("\"0 */5 * * * ?\"", "30m1h"),
                fleet("\"0 */5 * * * ?\"", "30s").replace("role: admin", "role: root"),
                fleet("\"0 */5 * * * ?\"", "30s").replace("golden: {member: a}", "golden: {member: a, url: x}"),
                fleet("\"0 */5 * * * ?\"", "30s").replace("jdbc:postgresql://db", "jdbc:oracle://db"),
                fleet("\"0 */5 * * * ?\"", "30s") + "    shards: 65\n",
                fleet("\"0 */5 * * * ?\"", "30s") + "    colour: blue\n",
                "store: {retention: forever}\n");
        for (String yaml : bad) {
            assertThat(errors(yaml)).as("schema errors for:%n%s", yaml).isNotEmpty();
            assertThatThrownBy(() -> ConfigLoader.parse(yaml, "t.yaml", Path.of("."), ENV::get))
                    .as("the daemon refuses:%n%s", yaml).isInstanceOf(ConfigException.class);
        }
    }
}
