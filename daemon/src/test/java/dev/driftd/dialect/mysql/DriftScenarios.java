package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;
import dev.driftd.testing.ScenarioFolders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MySQL-family scenario catalogue, one folder each under scenarios/mysql (every object kind
 * missing, extra and changed, and the MySQL-family specialities; the layout is in docs/conformance.md):
 * {@code golden.sql} and {@code target.sql} as the mysql client would run them ({@code DELIMITER} for
 * compound bodies, {@code source FILE} for a shared file, relative to the scenario's folder),
 * {@code expected-diff.txt}, and {@code scenario.properties} with {@code destructive=true},
 * {@code flavors=mariadb|mysql}, {@code plan-contains.N}, {@code plan-lacks.N} and {@code mysql-client=true}
 * (the script is also run through the mysql client).
 */
final class DriftScenarios {
    static final String DIALECT = "mysql";
    private static final Pattern SOURCE = Pattern.compile("^(?i:source)\\s+(\\S+?);?\\s*$");
    private static final Pattern DELIMITER = Pattern.compile("^(?i:delimiter)\\s+(\\S+)\\s*$");

    private DriftScenarios() {
    }

    static List<DriftScenario> all() {
        return ScenarioFolders.list(DIALECT).stream().map(DriftScenarios::load).toList();
    }

    static List<DriftScenario> forFlavor(Flavor flavor) {
        return all().stream().filter(s -> s.flavors().contains(flavor)).toList();
    }

    static DriftScenario named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }

    /**
     * Compares a run's plan with the scenario's expected plan for the server's flavor: expected-plan.sql
     * is recorded on the project's MariaDB, expected-plan.mysql.sql (where a folder has one) on MySQL;
     * {@code -Dupdate} writes the file instead.
     */
    static void assertPlan(DriftScenario s, Flavor flavor, String script) {
        String file = flavor == Flavor.MARIADB ? "expected-plan.sql" : "expected-plan.mysql.sql";
        if (flavor == Flavor.MARIADB || ScenarioFolders.UPDATE || Files.exists(s.folder().resolve(file))) {
            ScenarioFolders.assertPlan(s.folder(), file, script);
        }
    }

    static DriftScenario load(Path folder) {
        Properties p = ScenarioFolders.properties(folder);
        Set<Flavor> flavors = EnumSet.noneOf(Flavor.class);
        for (String f : p.getProperty("flavors", "mariadb,mysql").split(",")) {
            flavors.add(Flavor.valueOf(f.strip().toUpperCase(Locale.ROOT)));
        }
        return new DriftScenario(folder.getFileName().toString(), folder, statements(folder.resolve("golden.sql")),
                statements(folder.resolve("target.sql")), ScenarioFolders.lines(folder.resolve("expected-diff.txt")),
                ScenarioFolders.numbered(p, "plan-contains"), ScenarioFolders.numbered(p, "plan-lacks"),
                Boolean.parseBoolean(p.getProperty("destructive", "false")), flavors,
                Boolean.parseBoolean(p.getProperty("mysql-client", "false")));
    }

    /**
     * The statements of a fixture file in order, each without its delimiter: a statement ends with
     * the line that ends in the current delimiter ({@code ;} until a {@code DELIMITER} line changes it).
     */
    static List<String> statements(Path file) {
        List<String> out = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        for (String line : Arrays.asList(ScenarioFolders.read(file).split("\n"))) {
            if (current.isEmpty()) {
                Matcher source = SOURCE.matcher(line.strip());
                Matcher newDelimiter = DELIMITER.matcher(line.strip());
                if (source.matches()) {
                    out.addAll(statements(file.resolveSibling(source.group(1)).normalize()));
                    continue;
                }
                if (newDelimiter.matches()) {
                    delimiter = newDelimiter.group(1);
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
            }
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith(delimiter)) {
                current.append(trimmed, 0, trimmed.length() - delimiter.length());
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException(file + " ends inside a statement (no closing '" + delimiter + "'):\n" + current);
        }
        return out;
    }
}
