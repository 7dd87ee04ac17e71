package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Differ;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-deparsed text that is not a fixpoint of "create from text, deparse again": the same object
 * must read the same whether it was created from the original DDL, restored from {@code pg_dump}, or
 * created by driftd's own plan, and a plan must converge.
 */
class PgDeparseFixpointTest {
    /**
     * Each object deparses, then re-parses, differently: NULL in a later UNION branch gains an alias,
     * and an IN list on a varchar column turns from one array cast to text[] into an array of casts
     * (in a check, a generated column, an index predicate and expression, a policy, a trigger's WHEN).
     */
    static final String LOOPS = String.join("\n",
            "CREATE TABLE a (x int); CREATE TABLE b (x int);",
            "CREATE VIEW v AS SELECT x, y FROM (SELECT x, 1 AS y FROM a UNION ALL SELECT x, NULL FROM b) q;",
            "CREATE TABLE t (kind varchar(20) NOT NULL CONSTRAINT kind_ok CHECK (kind IN ('artist', 'label')),",
            "  is_artist boolean GENERATED ALWAYS AS (kind IN ('artist', 'x')) STORED);",
            "CREATE INDEX t_partial ON t (kind) WHERE kind IN ('artist', 'label');",
            "CREATE INDEX t_expr ON t ((kind IN ('a', 'b')));",
            "ALTER TABLE t ENABLE ROW LEVEL SECURITY;",
            "CREATE POLICY p ON t USING (kind IN ('artist', 'label')) WITH CHECK (kind IN ('artist'));",
            "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;",
            "CREATE TRIGGER tg BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.kind IN ('artist', 'label'))",
            "  EXECUTE FUNCTION tf();");

    /**
     * The same loop in a column default and in a domain's default and check: an IN list of varchar
     * literals deparses as one array cast to text[], which re-parses as an array of casts. The
     * column default is also no restricted expression (the DEFAULT clause of CREATE TABLE refuses it
     * unparenthesized).
     */
    static final String DEFAULT_LOOPS = String.join("\n",
            "CREATE DOMAIN kind_d AS varchar(20) DEFAULT ('artist'::varchar IN ('artist', 'label'))::text",
            "  CONSTRAINT kind_d_ok CHECK (VALUE IN ('artist', 'label')) CONSTRAINT kind_d_len CHECK (length(VALUE) > 1);",
            "CREATE TABLE u (id int, known boolean DEFAULT ('x'::varchar IN ('artist', 'label')),",
            "  tag varchar(10) DEFAULT 'a' || 'b', k kind_d);");

    private final Engine engine = new Engine();
    private final PgScenarioHarness harness = new PgScenarioHarness();

    private Snapshot snapshot(TestDatabase db) {
        return engine.snapshot(db.target("public"), InspectOptions.DEFAULT);
    }

    /**
     * The temporary table standing in for a table holds every column any of its texts names: a
     * default that names none, met first, once left the table without the column the check after it
     * needs, so the check kept its first, non-fixpoint text (and a fleet whose members' caches met
     * the texts in another order saw drift that was not there).
     */
    @Test
    void everyTextOfATableGetsTheColumnsItNamesWhateverCameFirst() {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("w16c_fixcols")) {
            db.execute("CREATE TABLE o (flags int DEFAULT (1 + 2) * 3, "
                    + "status varchar(20) CONSTRAINT o_status CHECK (status IN ('new', 'paid')))");
            Snapshot s = snapshot(db);
            assertThat(s.objects()).filteredOn(o -> o instanceof dev.driftd.schema.CheckConstraint)
                    .extracting(o -> ((dev.driftd.schema.CheckConstraint) o).expression())
                    .containsExactly("status::text = ANY (ARRAY['new'::character varying::text, "
                            + "'paid'::character varying::text])");
        }
    }

    @Test
    void aDumpRestoredCopyIsInSyncAndAPlanConverges() {
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("fixpt_g");
             TestDatabase restored = TestDatabases.postgres().createDatabase("fixpt_r");
             TestDatabase target = TestDatabases.postgres().createDatabase("fixpt_t")) {
            golden.execute(LOOPS);
            harness.runPsql(restored, harness.dump(golden, null));
            Snapshot gs = snapshot(golden);
            Snapshot rs = snapshot(restored);
            assertThat(Differ.describe(engine.diff(gs, rs))).as("golden vs its dump-restored copy").isEmpty();
            assertThat(rs.fingerprint()).isEqualTo(gs.fingerprint());

            // the target lacks every deparsed object: the plan creates them from golden's text
            target.execute("CREATE TABLE a (x int); CREATE TABLE b (x int); CREATE TABLE t (kind varchar(20) NOT NULL)");
            converge(gs, target);
            // what the server prints for the target now equals what it prints for a restore of golden
            assertThat(PgScenarioHarness.normalizeDump(harness.dump(target, "public")))
                    .isEqualTo(PgScenarioHarness.normalizeDump(harness.dump(restored, "public")));
        }
    }

    @Test
    void changedObjectsConvergeToGoldensText() {
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("fixpt_g");
             TestDatabase target = TestDatabases.postgres().createDatabase("fixpt_t")) {
            golden.execute(LOOPS);
            target.execute(LOOPS.replace("'label'", "'band'").replace("1 AS y", "2 AS y"));
            Snapshot gs = snapshot(golden);
            assertThat(engine.diff(gs, snapshot(target)).inSync()).isFalse();
            converge(gs, target);
        }
    }

    @Test
    void defaultsAndDomainsOfADumpRestoredCopyAreInSyncAndAPlanConverges() {
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("h13_fixd_g");
             TestDatabase restored = TestDatabases.postgres().createDatabase("h13_fixd_r");
             TestDatabase target = TestDatabases.postgres().createDatabase("h13_fixd_t")) {
            golden.execute(DEFAULT_LOOPS);
            harness.runPsql(restored, harness.dump(golden, null));
            Snapshot gs = snapshot(golden);
            Snapshot rs = snapshot(restored);
            assertThat(Differ.describe(engine.diff(gs, rs))).as("golden vs its dump-restored copy").isEmpty();
            assertThat(rs.fingerprint()).isEqualTo(gs.fingerprint());

            // the plan creates the domain and the table from golden's text
            converge(gs, target);
            assertThat(PgScenarioHarness.normalizeDump(harness.dump(target, "public")))
                    .isEqualTo(PgScenarioHarness.normalizeDump(harness.dump(restored, "public")));
        }
    }

    @Test
    void changedDefaultsAndDomainChecksConvergeToGoldensText() {
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("h13_fixd_g");
             TestDatabase target = TestDatabases.postgres().createDatabase("h13_fixd_t")) {
            golden.execute(DEFAULT_LOOPS);
            target.execute(DEFAULT_LOOPS.replace("'label'", "'band'"));
            Snapshot gs = snapshot(golden);
            assertThat(Differ.describe(engine.diff(gs, snapshot(target))))
                    .anySatisfy(line -> assertThat(line).contains("kind_d"))
                    .anySatisfy(line -> assertThat(line).contains("known"));
            converge(gs, target);
        }
    }

    @Test
    void aDefaultThatIsNoRestrictedExpressionIsParenthesizedInCreateTable() {
        assertThat(PgDdl.defaultClause("'x'::text = ANY (ARRAY['a'::text])")).isEqualTo("('x'::text = ANY (ARRAY['a'::text]))");
        assertThat(PgDdl.defaultClause("NOT true")).isEqualTo("(NOT true)");
        // words inside literals and identifiers, and parts of longer names, do not count
        assertThat(PgDdl.defaultClause("'is in or and'::text")).isEqualTo("'is in or and'::text");
        assertThat(PgDdl.defaultClause("\"in\"()")).isEqualTo("\"in\"()");
        assertThat(PgDdl.defaultClause("nextval('orders_id_seq'::regclass)")).isEqualTo("nextval('orders_id_seq'::regclass)");
        assertThat(PgDdl.defaultClause("(a OR b)")).isEqualTo("(a OR b)");
    }

    @Test
    void aSecondSnapshotComesFromTheCacheWithTheSameResult() throws Exception {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("fixpt_c")) {
            db.execute(LOOPS, "CREATE VIEW fixpt_cache_" + System.nanoTime() + " AS SELECT x FROM a WHERE x IN (1, 2)");
            try (Connection c = db.connect()) {
                PostgresInspector inspector = new PostgresInspector(c, InspectOptions.DEFAULT);
                Snapshot raw = inspector.inspectAsRead(null);
                PgDeparseFixpoint first = new PgDeparseFixpoint(c, null, true);
                Snapshot once = first.apply(raw);
                assertThat(once.fingerprint()).isNotEqualTo(raw.fingerprint());
                PgDeparseFixpoint second = new PgDeparseFixpoint(c, null, true);
                Snapshot twice = second.apply(raw);
                assertThat(second.serverObjects()).isZero();
                assertThat(twice.fingerprint()).isEqualTo(once.fingerprint());
                // and the fixpoint is one: normalizing the normal form changes nothing
                assertThat(new PgDeparseFixpoint(c, null, true).apply(once).fingerprint()).isEqualTo(once.fingerprint());
                assertThat(c.isReadOnly()).isFalse();
            }
        }
    }

    @Test
    void theCacheKeyHoldsTheColumnsATextMayNameAndTheWholeTableForARowReference() {
        java.util.List<dev.driftd.schema.Column> cols = java.util.List.of(
                dev.driftd.schema.Column.of("", "t", "kind", 1, "character varying(20)"),
                dev.driftd.schema.Column.of("", "t", "Mixed", 2, "integer"),
                dev.driftd.schema.Column.of("", "t", "other", 3, "text"));
        dev.driftd.schema.CheckConstraint ck = new dev.driftd.schema.CheckConstraint("", "t", "c", "x", false, true, null);
        assertThat(PgDeparseFixpoint.mentioned(ck, cols, java.util.List.of("(kind)::text = 'other'::text")))
                .extracting(dev.driftd.schema.Column::name).containsExactly("kind"); // a literal names no column
        assertThat(PgDeparseFixpoint.mentioned(ck, cols, java.util.List.of("\"Mixed\" > 0 AND mixed IS NULL")))
                .extracting(dev.driftd.schema.Column::name).containsExactly("Mixed");
        assertThat(PgDeparseFixpoint.mentioned(ck, cols, java.util.List.of("t.* IS NOT NULL"))).isEqualTo(cols);
    }

    private void converge(Snapshot golden, TestDatabase target) {
        Diff diff = engine.diff(golden, snapshot(target));
        Plan plan = engine.plan(diff, golden, snapshot(target), PlanOptions.DEFAULT);
        engine.apply(target.target("public"), plan, true, InspectOptions.DEFAULT);
        Snapshot after = snapshot(target);
        assertThat(Differ.describe(engine.diff(golden, after))).as("left after applying%n%s", plan.statements())
                .isEmpty();
        assertThat(after.fingerprint()).isEqualTo(golden.fingerprint());
    }
}
