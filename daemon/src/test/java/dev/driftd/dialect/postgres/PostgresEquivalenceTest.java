package dev.driftd.dialect.postgres;

import dev.driftd.cli.Main;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.driftd.testing.TestServer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Same schema, different history: database A is built one way and database B another, and both
 * must fingerprint equal and {@code driftd diff} must exit 0. Each pair lives in its own schema of
 * the two shared databases (schema scope); the whole databases are compared at the end too
 * (database scope), and a control pair that really differs must be reported as drift.
 */
class PostgresEquivalenceTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static TestDatabase a;
    private static TestDatabase b;

    @BeforeAll
    static void create() {
        a = TestDatabases.postgres().createDatabase("equiv_a");
        b = TestDatabases.postgres().createDatabase("equiv_b");
    }

    @AfterAll
    static void drop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("default cast kept from the column's old type",
                        "CREATE TABLE t (a text DEFAULT 'x', n bigint DEFAULT -1, m int DEFAULT 5);"
                                + "ALTER TABLE t ALTER a TYPE varchar(20); ALTER TABLE t ALTER n TYPE int;"
                                + "ALTER TABLE t ALTER m TYPE bigint",
                        "CREATE TABLE t (a varchar(20) DEFAULT 'x', n int DEFAULT -1, m bigint DEFAULT 5)"),
                Arguments.of("type aliases",
                        "CREATE TABLE t (a int4, b int8, c float8, d bool, e varchar(5), f timestamptz,"
                                + " g decimal(5,2), h char(3), i int2[], j timetz)",
                        "CREATE TABLE t (a integer, b bigint, c double precision, d boolean,"
                                + " e character varying(5), f timestamp with time zone, g numeric(5,2),"
                                + " h character(3), i smallint[], j time with time zone)"),
                Arguments.of("dropped columns",
                        "CREATE TABLE t (a int, gone text, b text, gone2 int); ALTER TABLE t DROP COLUMN gone;"
                                + "ALTER TABLE t DROP COLUMN gone2",
                        "CREATE TABLE t (a int, b text)"),
                Arguments.of("object creation order",
                        "CREATE TABLE t1 (a int, b int); CREATE TABLE t2 (c int); CREATE INDEX i1 ON t1 (a);"
                                + "CREATE INDEX i2 ON t1 (b); CREATE VIEW v1 AS SELECT a FROM t1;"
                                + "CREATE VIEW v2 AS SELECT c FROM t2",
                        "CREATE TABLE t2 (c int); CREATE VIEW v2 AS SELECT c FROM t2; CREATE TABLE t1 (a int, b int);"
                                + "CREATE INDEX i2 ON t1 (b); CREATE INDEX i1 ON t1 (a);"
                                + "CREATE VIEW v1 AS SELECT a FROM t1"),
                Arguments.of("constraints made from existing indexes",
                        "CREATE TABLE t (id int NOT NULL, a int); CREATE UNIQUE INDEX t_pkey ON t (id);"
                                + "CREATE UNIQUE INDEX t_a_key ON t (a);"
                                + "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;"
                                + "ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_key",
                        "CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE)"),
                Arguments.of("serial versus an explicit owned sequence",
                        "CREATE TABLE t (id serial, v text)",
                        "CREATE SEQUENCE t_id_seq AS integer;"
                                + "CREATE TABLE t (id integer NOT NULL DEFAULT nextval('t_id_seq'), v text);"
                                + "ALTER SEQUENCE t_id_seq OWNED BY t.id"),
                Arguments.of("columns, defaults and identity added later",
                        "CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT 'x';"
                                + "ALTER TABLE t ALTER a SET DEFAULT 42; ALTER TABLE t ADD COLUMN c bigint NOT NULL;"
                                + "ALTER TABLE t ALTER c ADD GENERATED BY DEFAULT AS IDENTITY",
                        "CREATE TABLE t (a int DEFAULT 42, b text NOT NULL DEFAULT 'x',"
                                + " c bigint GENERATED BY DEFAULT AS IDENTITY)"),
                Arguments.of("constraints added later, validated later",
                        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int, p int);"
                                + "ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID;"
                                + "ALTER TABLE t VALIDATE CONSTRAINT t_a_check;"
                                + "ALTER TABLE t ADD CONSTRAINT t_p_fkey FOREIGN KEY (p) REFERENCES p (id) NOT VALID;"
                                + "ALTER TABLE t VALIDATE CONSTRAINT t_p_fkey",
                        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int CHECK (a > 0), p int REFERENCES p)"),
                Arguments.of("renamed table, index and constraint",
                        "CREATE TABLE old (id int CONSTRAINT old_pkey PRIMARY KEY, a text);"
                                + "CREATE INDEX old_a ON old (a); ALTER TABLE old RENAME TO t;"
                                + "ALTER TABLE t RENAME CONSTRAINT old_pkey TO t_pkey; ALTER INDEX old_a RENAME TO t_a_idx;"
                                + "ALTER TABLE t RENAME COLUMN a TO b",
                        "CREATE TABLE t (id int PRIMARY KEY, b text); CREATE INDEX t_a_idx ON t (b)"),
                Arguments.of("enum labels inserted later",
                        "CREATE TYPE e AS ENUM ('a', 'd'); ALTER TYPE e ADD VALUE 'c' BEFORE 'd';"
                                + "ALTER TYPE e ADD VALUE 'b' AFTER 'a';; CREATE TABLE t (v e DEFAULT 'b')",
                        "CREATE TYPE e AS ENUM ('a', 'b', 'c', 'd'); CREATE TABLE t (v e DEFAULT 'b')"),
                Arguments.of("functions and views replaced",
                        "CREATE TABLE t (a int, b int); CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                                + "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1';"
                                + "CREATE VIEW v AS SELECT a FROM t; CREATE OR REPLACE VIEW v AS SELECT a, b FROM t",
                        "CREATE TABLE t (a int, b int); CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1';"
                                + "CREATE VIEW v AS SELECT a, b FROM t"),
                Arguments.of("partition attached versus created as a partition",
                        "CREATE TABLE p (d date NOT NULL, v int) PARTITION BY RANGE (d); CREATE INDEX p_v_idx ON p (v);"
                                + "CREATE TABLE p1 (d date NOT NULL, v int); CREATE INDEX p1_v_idx ON p1 (v);"
                                + "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')",
                        "CREATE TABLE p (d date NOT NULL, v int) PARTITION BY RANGE (d);"
                                + "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');"
                                + "CREATE INDEX p_v_idx ON p (v)"),
                Arguments.of("table options set later",
                        "CREATE UNLOGGED TABLE t (a int); ALTER TABLE t SET LOGGED; ALTER TABLE t SET (fillfactor = 60);"
                                + "ALTER TABLE t ENABLE ROW LEVEL SECURITY; COMMENT ON TABLE t IS 'first';"
                                + "COMMENT ON TABLE t IS 'second'",
                        "CREATE TABLE t (a int) WITH (fillfactor = 60); ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                                + "COMMENT ON TABLE t IS 'second'"),
                Arguments.of("domain constraint and column type widened later",
                        "CREATE DOMAIN d AS int; ALTER DOMAIN d ADD CONSTRAINT d_check CHECK (VALUE > 0);"
                                + "ALTER DOMAIN d SET DEFAULT 1; CREATE TABLE t (a varchar(10), x d);"
                                + "ALTER TABLE t ALTER a TYPE varchar(30)",
                        "CREATE DOMAIN d AS int DEFAULT 1 CONSTRAINT d_check CHECK (VALUE > 0);"
                                + "CREATE TABLE t (a varchar(30), x d)"),
                Arguments.of("index keys written with their defaults spelled out",
                        "CREATE TABLE t (a text, b int); CREATE INDEX i ON t USING btree (a text_ops ASC NULLS LAST,"
                                + " b DESC NULLS FIRST) WHERE (b > 0)",
                        "CREATE TABLE t (a text, b int); CREATE INDEX i ON t (a, b DESC) WHERE b > 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void sameSchemaDifferentHistory(String name, String historyA, String historyB) {
        assertThat(historyA).isNotEqualTo(historyB);
        String schema = "eq_" + SEQ.incrementAndGet();
        load(a, schema, historyA);
        load(b, schema, historyB);

        Engine engine = new Engine();
        Snapshot sa = engine.snapshot(a.target(schema), InspectOptions.DEFAULT);
        Snapshot sb = engine.snapshot(b.target(schema), InspectOptions.DEFAULT);
        assertThat(sa.byKey()).isNotEmpty();
        assertThat(Differ.describe(engine.diff(sa, sb))).as(name).isEmpty();
        assertThat(sb.fingerprint()).as(name).isEqualTo(sa.fingerprint());
        assertThat(cliDiff("--golden-schema", schema, "--target-schema", schema)).isEqualTo(Main.IN_SYNC);
    }

    @Test
    void aRealDifferenceIsStillDrift() {
        String schema = "eq_control";
        a.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".t (a varchar(20) DEFAULT 'x')");
        b.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".t (a text DEFAULT 'y');"
                + "ALTER TABLE " + schema + ".t ALTER a TYPE varchar(20)");
        try {
            Engine engine = new Engine();
            Snapshot sa = engine.snapshot(a.target(schema), InspectOptions.DEFAULT);
            Snapshot sb = engine.snapshot(b.target(schema), InspectOptions.DEFAULT);
            assertThat(sb.fingerprint()).isNotEqualTo(sa.fingerprint());
            assertThat(Differ.describe(engine.diff(sa, sb))).hasSize(1);
            assertThat(cliDiff("--golden-schema", schema, "--target-schema", schema)).isEqualTo(Main.DRIFT);
        } finally {
            a.execute("DROP SCHEMA " + schema + " CASCADE");
            b.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void wholeDatabasesBuiltDifferentlyCompareEqual() {
        // every pair loaded so far, plus one more, read in database scope (names qualified)
        a.execute("CREATE SCHEMA whole; CREATE TABLE whole.t (id serial PRIMARY KEY, a text DEFAULT 'x');"
                + "ALTER TABLE whole.t ALTER a TYPE varchar(9); CREATE VIEW whole.v AS SELECT a FROM whole.t");
        b.execute("CREATE SCHEMA whole; CREATE SEQUENCE whole.t_id_seq AS integer;"
                + "CREATE TABLE whole.t (id integer NOT NULL DEFAULT nextval('whole.t_id_seq'), a varchar(9) DEFAULT 'x');"
                + "ALTER SEQUENCE whole.t_id_seq OWNED BY whole.t.id; ALTER TABLE whole.t ADD PRIMARY KEY (id);"
                + "CREATE VIEW whole.v AS SELECT t.a FROM whole.t");
        Engine engine = new Engine();
        Snapshot sa = engine.snapshot(a.target(), InspectOptions.DEFAULT);
        Snapshot sb = engine.snapshot(b.target(), InspectOptions.DEFAULT);
        assertThat(sa.getScope().schemas()).contains("whole", "public");
        assertThat(Differ.describe(engine.diff(sa, sb))).isEmpty();
        assertThat(sb.fingerprint()).isEqualTo(sa.fingerprint());
        assertThat(cliDiff()).isEqualTo(Main.IN_SYNC);
    }

    /** Runs a history in its own schema; ";;" separates transactions (a new enum label must be committed). */
    private static void load(TestDatabase db, String schema, String history) {
        Stream<String> steps = Stream.concat(Stream.of("CREATE SCHEMA " + schema + "; SET search_path = " + schema),
                Stream.concat(Stream.of(history.split(";;")), Stream.of("RESET search_path")));
        db.execute(steps.toArray(String[]::new));
    }

    /**
     * The history "pg_dump --schema-only, then restore with psql" of a schema with every object
     * kind gives the same snapshot as the original, in both scopes.
     */
    @Test
    void aDumpAndRestoreIsTheSameSchema() throws Exception {
        assumeTrue(onPath("pg_dump") && onPath("psql"), "pg_dump and psql are needed");
        TestServer server = TestDatabases.postgres();
        try (TestDatabase original = server.createDatabase("equiv_dump");
             TestDatabase restored = server.createDatabase("equiv_restore")) {
            original.execute("CREATE EXTENSION btree_gist", PostgresInspectTest.SCHEMA.formatted("app"));
            Path dump = Files.createTempFile("driftd-dump", ".sql");
            try {
                run(server, "pg_dump", "--schema-only", "--no-owner", "-f", dump.toString(),
                        "-d", original.name());
                run(server, "psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", restored.name(),
                        "-f", dump.toString());
            } finally {
                Files.deleteIfExists(dump);
            }
            Engine engine = new Engine();
            for (String schema : new String[]{null, "app"}) {
                Snapshot so = engine.snapshot(schema == null ? original.target() : original.target(schema),
                        InspectOptions.DEFAULT);
                Snapshot sr = engine.snapshot(schema == null ? restored.target() : restored.target(schema),
                        InspectOptions.DEFAULT);
                assertThat(so.byKey()).hasSizeGreaterThan(60);
                assertThat(Differ.describe(engine.diff(so, sr))).as("scope %s", schema).isEmpty();
                assertThat(sr.fingerprint()).isEqualTo(so.fingerprint());
            }
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void run(TestServer server, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGHOST", server.host());
        pb.environment().put("PGPORT", Integer.toString(server.port()));
        pb.environment().put("PGUSER", server.user());
        if (server.password() != null) {
            pb.environment().put("PGPASSWORD", server.password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
    }

    private static int cliDiff(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] base = {"diff", "--golden", a.url(), "--target", b.url()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(err.toString()).as("stderr of driftd diff").isEmpty();
        return code;
    }
}
