package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constraint states and identity, reconciled end to end: NOT VALID checks and foreign keys are kept
 * as golden has them, serial and identity columns turn into each other, and owned sequences are
 * dropped with their own schema's table.
 */
class PgConstraintStateTest {
    private final Engine engine = new Engine();
    private final PgScenarioHarness harness = new PgScenarioHarness();

    /** Applies the plan for golden → target (whole database scope), checks convergence and dumps; returns the SQL. */
    private List<String> converge(String goldenSql, String targetSql) {
        try (TestDatabase g = TestDatabases.postgres().createDatabase("cstate_g");
             TestDatabase t = TestDatabases.postgres().createDatabase("cstate_t")) {
            g.execute(goldenSql);
            t.execute(targetSql);
            Snapshot gs = engine.snapshot(g.target(), InspectOptions.DEFAULT);
            Snapshot ts = engine.snapshot(t.target(), InspectOptions.DEFAULT);
            Diff diff = engine.diff(gs, ts);
            assertThat(diff.inSync()).as("drift expected").isFalse();
            Plan plan = engine.plan(diff, gs, ts, PlanOptions.DEFAULT);
            List<String> sql = plan.statements().stream().map(PlanStatement::sql).toList();
            engine.apply(t.target(), plan, true, InspectOptions.DEFAULT);
            Snapshot after = engine.snapshot(t.target(), InspectOptions.DEFAULT);
            assertThat(Differ.describe(engine.diff(gs, after))).as("left after applying %s", sql).isEmpty();
            assertThat(after.fingerprint()).isEqualTo(gs.fingerprint());
            assertThat(PgScenarioHarness.normalizeDump(harness.dump(t, null)))
                    .as("pg_dump after applying %s", sql)
                    .isEqualTo(PgScenarioHarness.normalizeDump(harness.dump(g, null)));
            return sql;
        }
    }

    private static final String TABLES = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int, p_id int);"
            + "INSERT INTO p VALUES (1); INSERT INTO c VALUES (-5, 99);"; // legacy rows that break both constraints

    @Test
    void notValidConstraintsAreCreatedWithoutCheckingLegacyRows() {
        List<String> sql = converge(TABLES
                        + "ALTER TABLE c ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;"
                        + "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;",
                TABLES);
        assertThat(sql).contains("ALTER TABLE public.c ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID",
                "ALTER TABLE public.c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES public.p (id) NOT VALID");
        assertThat(sql).noneMatch(s -> s.contains("VALIDATE"));
    }

    @Test
    void aTargetNotValidWhereGoldenIsValidatedIsValidatedInPlace() {
        String tables = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int, p_id int);"
                + "INSERT INTO p VALUES (1); INSERT INTO c VALUES (5, 1);";
        List<String> sql = converge(tables
                        + "ALTER TABLE c ADD CONSTRAINT a_pos CHECK (a > 0);"
                        + "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id);",
                tables
                        + "ALTER TABLE c ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;"
                        + "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;");
        assertThat(sql).containsExactlyInAnyOrder("ALTER TABLE public.c VALIDATE CONSTRAINT a_pos",
                "ALTER TABLE public.c VALIDATE CONSTRAINT c_p");
    }

    @Test
    void aTargetValidatedWhereGoldenIsNotValidIsMadeNotValidWithoutCheckingRows() {
        String tables = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int, p_id int);";
        List<String> sql = converge(tables
                        + "ALTER TABLE c ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;"
                        + "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;",
                tables
                        + "ALTER TABLE c ADD CONSTRAINT a_pos CHECK (a > 0);"
                        + "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id);");
        assertThat(sql).noneMatch(s -> s.contains("VALIDATE"));
        assertThat(sql).contains("ALTER TABLE public.c ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID");
    }

    @Test
    void anIdentityColumnBecomesASerialWhoseSequenceTakesTheFreedName() {
        List<String> sql = converge("CREATE TABLE t (id int NOT NULL, v text); CREATE SEQUENCE t_id_seq AS integer;"
                        + "ALTER TABLE t ALTER id SET DEFAULT nextval('t_id_seq'); ALTER SEQUENCE t_id_seq OWNED BY t.id;",
                "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, v text);");
        assertThat(sql.indexOf("ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY"))
                .isNotNegative().isLessThan(indexOfPrefix(sql, "CREATE SEQUENCE public.t_id_seq"));
    }

    @Test
    void aSerialColumnBecomesAnIdentity() {
        converge("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, v text);", "CREATE TABLE t (id serial, v text);");
    }

    @Test
    void sameNamedSerialTablesInTwoSchemasAreDroppedWithTheirOwnSequences() {
        List<String> sql = converge("CREATE SCHEMA a; CREATE SCHEMA b;",
                "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id serial); CREATE TABLE b.t (id serial);");
        assertThat(sql).noneMatch(s -> s.startsWith("DROP SEQUENCE"));
    }

    private static int indexOfPrefix(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
