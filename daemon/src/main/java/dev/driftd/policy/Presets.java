package dev.driftd.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipped rule sets for tools whose own objects are nobody's drift, named {@code preset:NAME}.
 * Each entry is {@code KIND:PATTERN} as a user would write it.
 */
public final class Presets {
    private static final Map<String, List<String>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("flyway", List.of("table:flyway_schema_history"));
        PRESETS.put("liquibase", List.of("table:databasechangelog", "table:databasechangeloglock"));
        // pg_partman keeps its config tables and functions in its own schema (partman by convention);
        // installed in the scope's schema, only its tables are its own
        PRESETS.put("pg_partman", List.of("extension:pg_partman", "schema:partman", "table:part_config",
                "table:part_config_sub", "table:template_*"));
        PRESETS.put("pg_cron", List.of("extension:pg_cron", "schema:cron"));
    }

    private Presets() {
    }

    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** The rules of preset {@code name}; IllegalArgumentException naming the known presets. */
    static List<String> rules(String name) {
        List<String> rules = PRESETS.get(name.trim());
        if (rules == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return rules;
    }
}
