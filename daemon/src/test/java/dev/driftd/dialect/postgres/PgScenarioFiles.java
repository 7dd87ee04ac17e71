package dev.driftd.dialect.postgres;

import dev.driftd.testing.ScenarioFolders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PostgreSQL scenario folder (scenarios/postgres/NAME, docs/conformance.md) into a
 * {@link PgScenario}: {@code golden.sql} and {@code target.sql} as psql would run them, statement by
 * statement with {@code \ir} including a shared file; {@code expected-diff.txt}, one change a line;
 * {@code scenario.properties} for the scope ({@code mode=database|single-schema}, tenant schemas
 * otherwise), {@code apply=psql}, and plan fragments that every server version must show
 * ({@code plan-contains.N}, {@code plan-contains-before-pgM} / {@code plan-contains-from-pgM}).
 */
final class PgScenarioFiles {
    static final String DIALECT = "postgres";
    private static final Pattern INCLUDE = Pattern.compile("^\\\\ir\\s+(\\S+)\\s*$");
    private static final Pattern VERSIONED = Pattern.compile("plan-contains-before-pg(\\d+)");
    private static final Map<String, PgScenario.Mode> MODES = Map.of("tenant", PgScenario.Mode.TENANT,
            "database", PgScenario.Mode.DATABASE, "single-schema", PgScenario.Mode.SINGLE_SCHEMA);

    private PgScenarioFiles() {
    }

    static List<PgScenario> all() {
        return ScenarioFolders.list(DIALECT).stream().map(PgScenarioFiles::load).toList();
    }

    /** A shared file of the scenarios' root ({@code shop.sql}), as one script. */
    static String shared(String file) {
        return ScenarioFolders.read(ScenarioFolders.root(DIALECT).resolve(file));
    }

    static PgScenario load(Path folder) {
        PgScenario s = PgScenario.named(folder.getFileName().toString());
        s.folder = folder;
        s.golden = statements(folder.resolve("golden.sql"));
        s.drift = statements(folder.resolve("target.sql"));
        ScenarioFolders.lines(folder.resolve("expected-diff.txt")).forEach(s::expect);
        Properties p = ScenarioFolders.properties(folder);
        String mode = p.getProperty("mode", "tenant");
        if (!MODES.containsKey(mode)) {
            throw new IllegalArgumentException(folder + ": mode must be one of " + MODES.keySet() + ", not " + mode);
        }
        s.mode(MODES.get(mode));
        if ("psql".equals(p.getProperty("apply"))) {
            s.viaPsql();
        }
        ScenarioFolders.numbered(p, "plan-contains").forEach(s::planContains);
        for (String key : p.stringPropertyNames()) {
            Matcher m = VERSIONED.matcher(key);
            if (m.matches()) {
                String from = p.getProperty("plan-contains-from-pg" + m.group(1));
                if (from == null) {
                    throw new IllegalArgumentException(folder + ": " + key + " needs plan-contains-from-pg" + m.group(1));
                }
                s.planContains(Integer.parseInt(m.group(1)), p.getProperty(key), from);
            }
        }
        return s;
    }

    /**
     * The statements of a fixture file in order, each run on its own as psql runs them (an enum label
     * added in one statement can be used by the next): a statement ends with the line that ends in a
     * semicolon outside a {@code $$} body. {@code \ir FILE} runs another file, relative to this one.
     */
    static List<String> statements(Path file) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : ScenarioFolders.read(file).split("\n")) {
            Matcher include = INCLUDE.matcher(line.strip());
            if (include.matches() && current.isEmpty()) {
                out.addAll(statements(file.resolveSibling(include.group(1)).normalize()));
                continue;
            }
            if (line.isBlank() && current.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            boolean inBody = current.toString().split("\\$\\$", -1).length % 2 == 0;
            if (line.stripTrailing().endsWith(";") && !inBody) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
