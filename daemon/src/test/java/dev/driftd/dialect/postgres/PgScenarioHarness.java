package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.CatalogListing;
import dev.driftd.testing.PgDumpAvailability;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a {@link PgScenario} end to end on the test server: build golden and target, snapshot
 * both, diff, check the expected changes, plan, apply (through the applier or psql), snapshot the
 * target again and require golden's fingerprint, then compare {@code pg_dump --schema-only} of
 * both sides as an oracle that does not share the inspector's eyes. On a server newer than the
 * local pg_dump (PostgreSQL 18 against Debian's 15, which refuses it) the oracle is the server's
 * own deparsing instead ({@link CatalogListing}).
 */
final class PgScenarioHarness {
    static final String GOLDEN_TENANT = "tenant_template";
    static final String TARGET_TENANT = "tenant_0042";

    private final Engine engine = new Engine();
    private final TestServer server;

    /** Scenarios on the test server ({@link TestDatabases#postgres()}). */
    PgScenarioHarness() {
        this(TestDatabases.postgres());
    }

    /** Scenarios on a given server, such as an embedded PostgreSQL 18 ({@code EmbeddedVersions}). */
    PgScenarioHarness(TestServer server) {
        this.server = server;
    }

    /** What one run produced, for extra assertions by the caller. */
    record Outcome(Diff diff, Plan plan, String script, Snapshot golden, Snapshot targetAfter) {
    }

    /** Everything a run needs: both sides' databases (the same one in tenant mode). */
    private final class Sides implements AutoCloseable {
        final TestDatabase goldenDb;
        final TestDatabase targetDb;
        final DbTarget golden;
        final DbTarget target;

        /** Databases are dropped again when building a side fails (bad scenario SQL), not left behind. */
        Sides(PgScenario s) {
            List<TestDatabase> created = new ArrayList<>();
            try {
                if (s.mode == PgScenario.Mode.TENANT) {
                    goldenDb = track(created, server.createDatabase("drift_tenants"));
                    targetDb = goldenDb;
                    goldenDb.execute(script("CREATE SCHEMA " + GOLDEN_TENANT + "; SET search_path = " + GOLDEN_TENANT,
                            s.base, s.golden));
                    goldenDb.execute(script("CREATE SCHEMA " + TARGET_TENANT + "; SET search_path = " + TARGET_TENANT,
                            s.base, s.drift));
                    golden = goldenDb.target(GOLDEN_TENANT);
                    target = goldenDb.target(TARGET_TENANT);
                } else {
                    goldenDb = track(created, server.createDatabase("drift_golden"));
                    targetDb = track(created, server.createDatabase("drift_target"));
                    goldenDb.execute(script(s.base, s.golden));
                    targetDb.execute(script(s.base, s.drift));
                    String schema = s.mode == PgScenario.Mode.SINGLE_SCHEMA ? "public" : null;
                    golden = goldenDb.target(schema);
                    target = targetDb.target(schema);
                }
            } catch (RuntimeException e) {
                created.forEach(TestDatabase::close);
                throw e;
            }
        }

        private TestDatabase track(List<TestDatabase> created, TestDatabase db) {
            created.add(db);
            return db;
        }

        private String[] script(String first, List<String> rest) {
            List<String> all = new ArrayList<>();
            all.add(first);
            all.addAll(rest);
            return all.stream().map(sql -> PgFixtureSql.forServer(server, sql)).toArray(String[]::new);
        }

        private String[] script(String setup, String base, List<String> rest) {
            List<String> all = new ArrayList<>();
            all.add(setup);
            all.add(base);
            all.addAll(rest);
            return all.stream().map(sql -> PgFixtureSql.forServer(server, sql)).toArray(String[]::new);
        }

        @Override
        public void close() {
            goldenDb.close();
            if (targetDb != goldenDb) {
                targetDb.close();
            }
        }
    }

    /** The newest major the project claims: the reading checks run on every side there, as on the recorded one. */
    private static final int NEWEST_MAJOR = 18;

    Outcome run(PgScenario s, boolean allowDestructive) {
        try (Sides sides = new Sides(s)) {
            Snapshot golden = engine.snapshot(sides.golden, InspectOptions.DEFAULT);
            MarkedSnapshot before = engine.snapshotMarked(sides.target, InspectOptions.DEFAULT);
            Snapshot target = before.snapshot();
            // the reading checks (every comment read, a tenant's member read equal to its namespace read)
            // run on every side on the recorded version and the newest; elsewhere (the rest of the
            // pg-matrix) on the target after apply only, which holds golden's objects once it converges
            int major = PgFixtureSql.major(server);
            boolean everySide = major == PostgresScenarioTest.RECORDED_MAJOR || major >= NEWEST_MAJOR;
            if (everySide) {
                PgCommentCoverage.assertEveryCommentRead(sides.golden, golden);
                PgCommentCoverage.assertEveryCommentRead(sides.target, target);
            }
            if (everySide && sides.target.schema() != null) {
                // the golden side is read both ways only where no converged target stands in for it:
                // a target that converges has the golden's objects, and it is read both ways after apply
                if (!allowDestructive) {
                    PgScopeEquivalence.assertMembersReadAll(sides.golden);
                }
                PgScopeEquivalence.assertMembersReadAll(sides.target);
            }
            Diff diff = engine.diff(golden, target);
            assertThat(diff.inSync()).as("the drift must be seen").isFalse();
            assertExactChanges(s, diff);
            Plan plan = engine.plan(diff, golden, target, PlanOptions.DEFAULT);
            String script = SqlScript.render(plan, allowDestructive);
            assertThat(plan.warnings()).as("warnings of %s; script:%n%s", s.name, script).isEmpty();
            String qualifier = s.mode == PgScenario.Mode.TENANT ? TARGET_TENANT + "." : "public.";
            List<String> fragments = new ArrayList<>(s.planContains);
            s.versionedPlanContains.forEach(v -> fragments.add(v.forMajor(major)));
            for (String fragment : fragments) {
                assertThat(script).as("plan of %s on PostgreSQL %d", s.name, major).contains(fragment.replace("@.", qualifier));
            }
            if (s.viaPsql) {
                runPsql(sides.targetDb, script);
            } else {
                try {
                    engine.apply(sides.target, plan, allowDestructive, InspectOptions.DEFAULT);
                } catch (RuntimeException e) {
                    fail("applying the plan of " + s.name + " failed: " + e.getMessage() + "\nscript:\n" + script, e);
                }
            }
            MarkedSnapshot afterMarked = engine.snapshotMarked(sides.target, InspectOptions.DEFAULT);
            Snapshot after = afterMarked.snapshot();
            PgCommentCoverage.assertEveryCommentRead(sides.target, after);
            if (sides.target.schema() != null) {
                PgScopeEquivalence.assertMembersReadAll(sides.target);
            }
            if (!after.fingerprint().equals(target.fingerprint())) {
                // sweeps skip members whose marker is unchanged: every schema change must move it
                assertThat(afterMarked.marker()).as("catalog marker after the plan of %s", s.name)
                        .isNotNull().isNotEqualTo(before.marker());
            }
            if (allowDestructive) {
                Diff left = engine.diff(golden, after);
                assertThat(after.fingerprint())
                        .as("%s did not converge; still differs:%n%s%nscript:%n%s", s.name,
                                String.join("\n", Differ.describe(left)), script)
                        .isEqualTo(golden.fingerprint());
                compareDumps(sides, s, script);
            }
            return new Outcome(diff, plan, script, golden, after);
        }
    }

    /**
     * The changes found must be exactly the expected ones, as the MySQL harness requires: every
     * expected change matches exactly one change, and no change is left unexpected (a spurious
     * change is a bug of its own). An expected name is the object's whole name, relative to the
     * scope, or qualified by {@code public.} in database scope ({@code t} matches {@code public.t},
     * never {@code public.t2}).
     */
    private static void assertExactChanges(PgScenario s, Diff diff) {
        String found = String.join("\n", Differ.describe(diff));
        List<Change> unexpected = new java.util.ArrayList<>(diff.changes());
        for (PgScenario.Expected e : s.expected) {
            List<Change> hits = diff.changes().stream().filter(c -> matches(c, e)).toList();
            assertThat(hits).as("changes of %s must include %s exactly once; were:%n%s", s.name, e, found).hasSize(1);
            unexpected.removeAll(hits);
        }
        assertThat(unexpected.stream().map(Change::describe).toList())
                .as("changes of %s that no expectation names; were:%n%s", s.name, found).isEmpty();
    }

    private static boolean matches(Change c, PgScenario.Expected e) {
        return c.type() == e.type() && c.kind() == e.kind()
                && (c.object().equals(e.object()) || c.object().equals("public." + e.object()))
                && (e.severity() == null || c.severity() == e.severity());
    }

    // ---- psql and pg_dump ----------------------------------------------------------------------

    /** Runs a script as a person would: {@code psql -v ON_ERROR_STOP=1 -f plan.sql}. */
    void runPsql(TestDatabase db, String script) {
        try {
            Path file = Files.createTempFile("driftd-plan", ".sql");
            try {
                Files.writeString(file, script, StandardCharsets.UTF_8);
                ProcessResult r = exec(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(),
                        "-p", Integer.toString(server.port()), "-U", server.user(), "-d", db.name(), "-f", file.toString()));
                assertThat(r.exit()).as("psql -f failed:%n%s%nscript:%n%s", r.stderr(), script).isZero();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql: " + e.getMessage(), e);
        }
    }

    private void compareDumps(Sides sides, PgScenario s, String script) {
        if (!CatalogListing.pgDumpCanRead(sides.goldenDb)) {
            // a server newer than the local pg_dump: its own deparsing is the independent oracle
            compareCatalogs(sides, s, script);
            return;
        }
        String g;
        String t;
        if (s.mode == PgScenario.Mode.TENANT) {
            g = dump(sides.goldenDb, GOLDEN_TENANT);
            t = dump(sides.targetDb, TARGET_TENANT).replace(TARGET_TENANT, GOLDEN_TENANT);
        } else {
            String schema = s.mode == PgScenario.Mode.SINGLE_SCHEMA ? "public" : null;
            g = dump(sides.goldenDb, schema);
            t = dump(sides.targetDb, schema);
        }
        failIfDifferent("pg_dump of " + s.name, normalizeDump(g), normalizeDump(t), script);
    }

    /** The server's own deparsing of both sides ({@link CatalogListing}), compared line by line. */
    private void compareCatalogs(Sides sides, PgScenario s, String script) {
        boolean tenant = s.mode == PgScenario.Mode.TENANT;
        String schema = s.mode == PgScenario.Mode.SINGLE_SCHEMA ? "public" : null;
        List<String> g = CatalogListing.lines(sides.goldenDb, tenant ? GOLDEN_TENANT : schema);
        List<String> t = CatalogListing.lines(sides.targetDb, tenant ? TARGET_TENANT : schema).stream()
                .map(line -> line.replace(TARGET_TENANT, GOLDEN_TENANT)).sorted().toList();
        failIfDifferent("the server's deparsing of " + s.name, g, t, script);
    }

    /** Fails naming the lines only one side has, when golden's and the target's listings differ. */
    private static void failIfDifferent(String what, List<String> golden, List<String> target, String script) {
        if (!golden.equals(target)) {
            List<String> onlyGolden = new ArrayList<>(golden);
            target.forEach(onlyGolden::remove);
            List<String> onlyTarget = new ArrayList<>(target);
            golden.forEach(onlyTarget::remove);
            fail(what + " differs after applying the plan.\nonly in golden:\n" + String.join("\n", onlyGolden)
                    + "\nonly in target:\n" + String.join("\n", onlyTarget) + "\nscript:\n" + script);
        }
    }

    /** {@code pg_dump --schema-only} of a database; the test is aborted when this server cannot be dumped here. */
    String dump(TestDatabase db, String schema) {
        String unusable = PgDumpAvailability.skipReason(server);
        if (unusable != null) {
            PgDumpAvailability.countSkip();
            Assumptions.abort(unusable);
        }
        List<String> cmd = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                "-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user()));
        if (schema != null) {
            cmd.add("-n");
            cmd.add(schema);
        }
        cmd.add(db.name());
        ProcessResult r = exec(cmd);
        assertThat(r.exit()).as("pg_dump failed: %s", r.stderr()).isZero();
        return r.stdout();
    }

    /**
     * Statements of a dump, sorted, without comments, SET lines and blank lines; the column list of
     * each CREATE TABLE sorted too, since PostgreSQL column order is not schema.
     */
    static List<String> normalizeDump(String dump) {
        List<String> statements = new ArrayList<>();
        List<String> tableLines = null;
        StringBuilder current = new StringBuilder();
        for (String raw : dump.split("\n")) {
            String line = raw.stripTrailing();
            // psql meta-commands (restrict / unrestrict lines) carry a random key (pg_dump 15.14+)
            if (line.isBlank() || line.startsWith("--") || line.startsWith("SET ") || line.startsWith("\\")
                    || line.startsWith("SELECT pg_catalog.set_config")) {
                continue;
            }
            if (tableLines != null) {
                if (line.startsWith(")")) {
                    Collections.sort(tableLines);
                    current.append(String.join("\n", tableLines)).append('\n');
                    tableLines = null;
                } else {
                    String item = line.strip();
                    tableLines.add(item.endsWith(",") ? item.substring(0, item.length() - 1) : item);
                    continue;
                }
            } else if (line.matches("CREATE (UNLOGGED )?TABLE .*\\($")) {
                tableLines = new ArrayList<>();
            }
            current.append(line).append('\n');
            if (tableLines == null && line.endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString());
        }
        Collections.sort(statements);
        return statements;
    }

    record ProcessResult(int exit, String stdout, String stderr) {
    }

    private ProcessResult exec(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (server.password() != null) {
                pb.environment().put("PGPASSWORD", server.password());
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
            }
            return new ProcessResult(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
