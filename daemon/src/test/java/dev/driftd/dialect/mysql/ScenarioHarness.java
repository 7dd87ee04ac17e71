package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs drift scenarios end to end on a real server: a golden and a target database get the base
 * schema, each gets its own extra SQL, both are snapshotted, diffed and the target planned; the
 * plan is applied (over JDBC or through the mysql client), and the target must then fingerprint
 * as golden does and, independently of driftd's inspector, dump (mysqldump --no-data) the same.
 */
final class ScenarioHarness {
    private static final Pattern DEFINER = Pattern.compile("\\s*DEFINER=`[^`]*`@`[^`]*`");
    /** An event's STARTS defaults to its creation time, which differs on every copy. */
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");

    private final ScenarioServer server;
    private final Engine engine = new Engine();

    ScenarioHarness(ScenarioServer server) {
        this.server = server;
    }

    /** A golden database, built once per distinct golden SQL and shared by the scenarios that start from it. */
    private record Golden(String database, Snapshot snapshot, String dump) {
    }

    private final Map<List<String>, Golden> goldens = new HashMap<>();

    private synchronized Golden golden(DriftScenario s) {
        List<String> key = s.golden();
        Golden g = goldens.get(key);
        if (g == null) {
            String db = server.createDatabase("scn_g");
            try {
                server.execute(db, s.golden());
                g = new Golden(db, snapshot(db), server.clients() ? dump(db) : null);
            } catch (RuntimeException e) {
                server.drop(db);
                throw e;
            }
            goldens.put(key, g);
        }
        return g;
    }

    /** Drops the shared golden databases. */
    synchronized void close() {
        for (Golden g : goldens.values()) {
            server.drop(g.database());
        }
        goldens.clear();
    }

    /** A (shared) golden and a fresh target database with the scenario's SQL run; closing drops the target. */
    final class Pair implements AutoCloseable {
        final String golden;
        final String target;
        private final Golden shared;

        Pair(DriftScenario s) {
            shared = golden(s);
            golden = shared.database();
            String t = server.createDatabase("scn_t");
            try {
                server.execute(t, s.target());
            } catch (RuntimeException e) {
                server.drop(t);
                throw e;
            }
            target = t;
        }

        Snapshot goldenSnapshot() {
            return shared.snapshot();
        }

        Snapshot targetSnapshot() {
            return snapshot(target);
        }

        String targetUrl() {
            return server.url(target);
        }

        String goldenDump() {
            return shared.dump();
        }

        @Override
        public void close() {
            server.drop(target);
        }
    }

    Pair open(DriftScenario s) {
        return new Pair(s);
    }

    Snapshot snapshot(String database) {
        return engine.snapshot(DbTarget.of(server.url(database)), InspectOptions.DEFAULT);
    }

    static Plan plan(Snapshot golden, Snapshot target) {
        return new MysqlPlanner(golden, target, PlanOptions.DEFAULT).plan(Differ.compare(golden, target));
    }

    /** The changes as the scenarios spell them: {@code missing column t.c}. */
    static List<String> changeNames(Diff diff) {
        List<String> out = new ArrayList<>();
        for (Change c : diff.driftChanges()) {
            out.add(c.type().name().toLowerCase(Locale.ROOT) + " " + c.key().display());
        }
        return new ArrayList<>(new TreeSet<>(out));
    }

    /**
     * The whole check: expected diff, plan shape, apply, convergence by fingerprint and by dump.
     * Returns the rendered plan, for the caller to compare with the scenario's expected plan.
     */
    String run(DriftScenario s, boolean throughClient) {
        try (Pair p = open(s)) {
            Snapshot golden = p.goldenSnapshot();
            dev.driftd.dialect.MarkedSnapshot before = engine.snapshotMarked(DbTarget.of(p.targetUrl()),
                    InspectOptions.DEFAULT);
            Snapshot target = before.snapshot();
            MysqlCommentCoverage.assertEveryCommentRead(server.url(p.golden), p.golden, golden);
            MysqlCommentCoverage.assertEveryCommentRead(p.targetUrl(), p.target, target);
            Diff diff = Differ.compare(golden, target);
            assertThat(changeNames(diff)).as("changes found in %s", s.name())
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(s.expectedChanges()));
            Plan plan = new MysqlPlanner(golden, target, PlanOptions.DEFAULT).plan(diff);
            String script = SqlScript.render(plan, true);
            assertThat(plan.warnings()).as("warnings of %s:\n%s", s.name(), script).isEmpty();
            assertThat(plan.hasDestructive()).as("destructive statements in %s:\n%s", s.name(), script)
                    .isEqualTo(s.expectDestructive());
            for (String fragment : s.planContains()) {
                assertThat(script).as("plan of %s", s.name()).contains(fragment);
            }
            for (String fragment : s.planLacks()) {
                assertThat(script).as("plan of %s", s.name()).doesNotContain(fragment);
            }
            if (throughClient) {
                runThroughClient(p.target, script);
            } else {
                engine.apply(DbTarget.of(p.targetUrl()), plan, true, InspectOptions.DEFAULT);
            }
            assertConverged(p, golden, script);
            // sweeps skip members whose marker is unchanged: every schema change a plan makes must move it
            if (!golden.fingerprint().equals(target.fingerprint())) {
                String after = engine.snapshotIfChanged(DbTarget.of(p.targetUrl()), InspectOptions.DEFAULT,
                        before.marker()).map(dev.driftd.dialect.MarkedSnapshot::marker).orElse(null);
                assertThat(after).as("catalog marker after the plan of %s", s.name()).isNotNull()
                        .isNotEqualTo(before.marker());
            }
            return script;
        }
    }

    void assertConverged(Pair p, Snapshot golden, String script) {
        Snapshot after = p.targetSnapshot();
        MysqlCommentCoverage.assertEveryCommentRead(p.targetUrl(), p.target, after);
        assertThat(after.fingerprint()).as("target after the plan still differs: %s\nplan:\n%s",
                Differ.describe(Differ.compare(golden, after)), script).isEqualTo(golden.fingerprint());
        if (server.clients()) {
            List<String> difference = lineDifference(p.goldenDump(), dump(p.target));
            assertThat(difference).as("mysqldump of golden (-) and of the target after the plan (+); plan:\n%s", script)
                    .isEmpty();
        }
    }

    /** Lines only one of two texts has, marked - (first) and + (second), in order. */
    static List<String> lineDifference(String a, String b) {
        List<String> la = List.of(a.split("\n"));
        List<String> lb = List.of(b.split("\n"));
        int[][] lcs = new int[la.size() + 1][lb.size() + 1];
        for (int i = la.size() - 1; i >= 0; i--) {
            for (int j = lb.size() - 1; j >= 0; j--) {
                lcs[i][j] = la.get(i).equals(lb.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < la.size() || j < lb.size()) {
            if (i < la.size() && j < lb.size() && la.get(i).equals(lb.get(j))) {
                i++;
                j++;
            } else if (j < lb.size() && (i == la.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + lb.get(j++));
            } else {
                out.add("- " + la.get(i++));
            }
        }
        return out;
    }

    /** {@code mysql -h -P -u db < plan.sql}, failing with the client's output. */
    void runThroughClient(String database, String script) {
        try {
            Path file = Files.createTempFile("driftd-plan", ".sql");
            try {
                Files.writeString(file, script, StandardCharsets.UTF_8);
                ProcessBuilder pb = new ProcessBuilder(clientArgs("mysql", database)).redirectErrorStream(true)
                        .redirectInput(file.toFile());
                String out = run(pb);
                assertThat(out).as("mysql client output").doesNotContain("ERROR");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the plan for the mysql client", e);
        }
    }

    /**
     * mysqldump of the structure, normalized for what is not schema or differs by construction:
     * the database name, AUTO_INCREMENT counters, DEFINER clauses, session SET lines, and the
     * order of key and constraint lines inside a CREATE TABLE (the server lists them in creation
     * order, which a plan cannot and need not reproduce).
     */
    String dump(String database) {
        List<String> args = clientArgs("mysqldump", database);
        args.addAll(1, List.of("--no-data", "--skip-comments", "--skip-dump-date", "--routines", "--triggers",
                "--events"));
        String raw = run(new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT));
        return normalizeDump(raw, database);
    }

    static String normalizeDump(String raw, String database) {
        return MysqlDumps.normalize(raw, database);
    }

    private List<String> clientArgs(String program, String database) {
        List<String> args = new ArrayList<>(List.of(program, "-h" + server.host(), "-P" + server.port(),
                "-u" + server.user()));
        args.add(database);
        return args;
    }

    private String run(ProcessBuilder pb) {
        if (server.password() != null && !server.password().isEmpty()) {
            pb.environment().put("MYSQL_PWD", server.password());
        }
        try {
            Process process = pb.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(pb.command().get(0) + " did not finish in 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(pb.command().get(0) + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + pb.command().get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
