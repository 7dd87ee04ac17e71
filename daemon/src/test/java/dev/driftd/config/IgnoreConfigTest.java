package dev.driftd.config;

import dev.driftd.policy.IgnoreRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ignore: lists of driftd.yaml and of a policy file: shapes, presets, and errors that name file:line. */
class IgnoreConfigTest {
    private static Config parse(String yaml) {
        return ConfigLoader.parse(yaml, "driftd.yaml", Path.of("."), Map.<String, String>of()::get);
    }

    private static String fleet(String ignoreLines) {
        return """
                ignore:
                  - preset:flyway
                fleets:
                  - name: shop
                    golden: {member: a}
                    members:
                      - {name: a, url: "jdbc:postgresql://db1:5432/a?user=driftd"}
                    ignore:
                %s""".formatted(ignoreLines.indent(6));
    }

    @Test
    void globalRulesComeFirstThenTheFleetsOwnInBothShapes() {
        Config c = parse(fleet("""
                - "table:tmp_*"
                - {kind: index, pattern: "orders.orders_big_idx"}
                - {kind: column, pattern: "orders.*", field: comment}
                - {kind: privilege, pattern: "*", grantee: "report_*"}"""));
        assertThat(c.fleets().get(0).ignore().rules()).extracting(IgnoreRule::describe).containsExactly(
                "table:flyway_schema_history (preset:flyway at driftd.yaml:2)",
                "table:tmp_* (driftd.yaml:9)",
                "index:orders.orders_big_idx (driftd.yaml:10)",
                "column:orders.* field comment (driftd.yaml:11)",
                "privilege:* grantee report_* (driftd.yaml:12)");
    }

    @Test
    void aPatternThatDoesNotCompileIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> parse(fleet("- \"table:orders[\"")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("driftd.yaml:9: fleets[0] (shop).ignore[0]: pattern 'orders[' has an unclosed or empty [ at column 7");
        assertThatThrownBy(() -> parse(fleet("- {kind: index, pattern: \"orders..x\"}")))
                .hasMessageStartingWith("driftd.yaml:9: fleets[0] (shop).ignore[0]: pattern 'orders..x' has an empty name part");
    }

    @Test
    void unknownKindsPresetsAndFieldsAreErrorsWithTheirLine() {
        assertThatThrownBy(() -> parse(fleet("- \"tabel:orders\"")))
                .hasMessageStartingWith("driftd.yaml:9: fleets[0] (shop).ignore[0]: unknown kind 'tabel' (expected one of schema, table,");
        assertThatThrownBy(() -> parse(fleet("- preset:flywy")))
                .hasMessage("driftd.yaml:9: fleets[0] (shop).ignore[0]: unknown preset 'flywy' (known: flyway, liquibase, pg_partman, pg_cron)");
        assertThatThrownBy(() -> parse(fleet("- {kind: column, pattern: \"*\", field: colour}")))
                .hasMessageStartingWith("driftd.yaml:9: fleets[0] (shop).ignore[0]: unknown field 'colour'");
        assertThatThrownBy(() -> parse(fleet("- {kind: column, pattern: \"*\", field: name}")))
                .hasMessage("driftd.yaml:9: fleets[0] (shop).ignore[0]: field 'name' names the object; ignore the object instead");
        assertThatThrownBy(() -> parse(fleet("- {kind: table, pattern: \"*\", grantee: bob}")))
                .hasMessage("driftd.yaml:9: fleets[0] (shop).ignore[0]: grantee is only for privilege rules, not table");
        assertThatThrownBy(() -> parse(fleet("- {kind: table, pattern: \"*\", colour: red}")))
                .hasMessageStartingWith("driftd.yaml:9: fleets[0] (shop).ignore[0]: unknown key 'colour'");
        assertThatThrownBy(() -> parse(fleet("- \"orders\"")))
                .hasMessage("driftd.yaml:9: fleets[0] (shop).ignore[0]: rule 'orders' is not KIND:PATTERN or preset:NAME");
    }

    @Test
    void aPolicyFileHasTheSameListAndOnlyIt() throws Exception {
        Path dir = Files.createTempDirectory("i15-policy");
        try {
            Path ok = Files.writeString(dir.resolve("policy.yaml"), """
                    ignore:
                      - preset:liquibase
                      - {kind: table, pattern: "*", field: options.engine}
                    """);
            assertThat(ConfigLoader.loadPolicy(ok).rules()).extracting(IgnoreRule::describe).containsExactly(
                    "table:databasechangelog (preset:liquibase at " + ok + ":2)",
                    "table:databasechangeloglock (preset:liquibase at " + ok + ":2)",
                    "table:* field options.engine (" + ok + ":3)");
            Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                    ignore:
                      - "index:*"
                      - "index:[x"
                    """);
            assertThatThrownBy(() -> ConfigLoader.loadPolicy(bad))
                    .hasMessage(bad + ":3: ignore[1]: pattern '[x' has an unclosed or empty [ at column 1");
            Path whole = Files.writeString(dir.resolve("whole.yaml"), "fleets: []\n");
            assertThatThrownBy(() -> ConfigLoader.loadPolicy(whole))
                    .hasMessage(whole + ":1: the policy file: unknown key 'fleets' (expected ignore)");
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
        }
    }
}
