package dev.driftd.dialect.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.driftd.diff.ChangeType.EXTRA;
import static dev.driftd.diff.ChangeType.MISSING;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.FUNCTION;
import static dev.driftd.schema.ObjectKind.TABLE;
import static dev.driftd.schema.ObjectKind.VIEW;

/**
 * Creates and drops ordered by the server's own dependency edges (pg_depend, pg_rewrite), read at
 * inspect time: functions that take or return a table's row type, views over such functions,
 * checks, defaults and domains that call functions. Each schema is built from empty and wiped to
 * empty; both must converge and leave pg_dump equal.
 */
class PgDependencyOrderTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();

    /** Objects that need each other in an order the kind-by-kind phases alone get wrong. */
    static final String CHAIN = """
            CREATE TABLE t (id int PRIMARY KEY, name text);
            CREATE FUNCTION all_t() RETURNS SETOF t LANGUAGE sql STABLE AS $$ SELECT * FROM t $$;
            CREATE FUNCTION label(r t) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT r.name || '#' || r.id $$;
            CREATE VIEW v_all AS SELECT id, label(x) AS label FROM all_t() x;
            CREATE VIEW v_ids AS SELECT id FROM v_all;
            CREATE FUNCTION from_view() RETURNS SETOF v_ids LANGUAGE sql STABLE AS $$ SELECT * FROM v_ids $$;
            CREATE FUNCTION positive(n int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT n > 0 $$;
            CREATE DOMAIN pos AS int CHECK (positive(VALUE));
            CREATE TABLE u (id pos, n int CHECK (positive(n)), d int DEFAULT length(label(ROW(1, 'x')::t)));
            """;

    /**
     * Two tables that reference each other and a third that references both (hive's WM_POOL,
     * WM_RESOURCEPLAN, WM_MAPPING): foreign keys are added after all tables and dropped before
     * them, so their edges must neither order the creates nor leave a drop blocked.
     */
    static final String FK_CYCLE = """
            CREATE TABLE "PLAN" (id int NOT NULL, default_pool int, name text);
            CREATE TABLE "POOL" (id int NOT NULL, plan_id int NOT NULL, path text);
            CREATE TABLE "MAPPING" (id int NOT NULL, plan_id int NOT NULL, pool_id int);
            ALTER TABLE "PLAN" ADD CONSTRAINT "PLAN_pkey" PRIMARY KEY (id);
            ALTER TABLE "POOL" ADD CONSTRAINT "POOL_pkey" PRIMARY KEY (id);
            ALTER TABLE "MAPPING" ADD CONSTRAINT "MAPPING_pkey" PRIMARY KEY (id);
            ALTER TABLE "PLAN" ADD CONSTRAINT "PLAN_FK1" FOREIGN KEY (default_pool) REFERENCES "POOL" (id);
            ALTER TABLE "POOL" ADD CONSTRAINT "POOL_FK1" FOREIGN KEY (plan_id) REFERENCES "PLAN" (id);
            ALTER TABLE "MAPPING" ADD CONSTRAINT "MAPPING_FK1" FOREIGN KEY (plan_id) REFERENCES "PLAN" (id);
            ALTER TABLE "MAPPING" ADD CONSTRAINT "MAPPING_FK2" FOREIGN KEY (pool_id) REFERENCES "POOL" (id);
            """;

    static Stream<PgScenario> scenarios() {
        return Stream.of(
                named("deps: build from empty (single schema)")
                        .expect("missing domain pos",
                                "missing function from_view()",
                                "missing function label(r t)",
                                "missing function positive(n integer)",
                                "missing table u",
                                "missing view v_ids",
                                "missing privilege function all_t() to PUBLIC",
                                "missing privilege function from_view() to PUBLIC",
                                "missing privilege function label(r t) to PUBLIC",
                                "missing privilege function positive(n integer) to PUBLIC",
                                "missing privilege type pos to PUBLIC").mode(PgScenario.Mode.SINGLE_SCHEMA).golden(CHAIN)
                        .expect(MISSING, TABLE, "t").expect(MISSING, FUNCTION, "all_t()").expect(MISSING, VIEW, "v_all"),
                named("deps: wipe to empty (single schema)")
                        .expect("extra domain pos",
                                "extra function from_view()",
                                "extra function label(r t)",
                                "extra function positive(n integer)",
                                "extra table u",
                                "extra view v_ids",
                                "extra privilege function all_t() to PUBLIC",
                                "extra privilege function from_view() to PUBLIC",
                                "extra privilege function label(r t) to PUBLIC",
                                "extra privilege function positive(n integer) to PUBLIC",
                                "extra privilege type pos to PUBLIC").mode(PgScenario.Mode.SINGLE_SCHEMA).drift(CHAIN)
                        .expect(EXTRA, TABLE, "t").expect(EXTRA, FUNCTION, "all_t()").expect(EXTRA, VIEW, "v_all"),
                named("deps: build from empty (tenant, psql)")
                        .expect("missing domain pos",
                                "missing function all_t()",
                                "missing function label(r t)",
                                "missing function positive(n integer)",
                                "missing table t",
                                "missing table u",
                                "missing view v_all",
                                "missing view v_ids",
                                "missing privilege function all_t() to PUBLIC",
                                "missing privilege function from_view() to PUBLIC",
                                "missing privilege function label(r t) to PUBLIC",
                                "missing privilege function positive(n integer) to PUBLIC",
                                "missing privilege type pos to PUBLIC").golden(CHAIN).viaPsql()
                        .expect(MISSING, FUNCTION, "from_view()"),
                named("deps: wipe to empty (tenant, psql)")
                        .expect("extra domain pos",
                                "extra function all_t()",
                                "extra function label(r t)",
                                "extra function positive(n integer)",
                                "extra table t",
                                "extra table u",
                                "extra view v_all",
                                "extra view v_ids",
                                "extra privilege function all_t() to PUBLIC",
                                "extra privilege function from_view() to PUBLIC",
                                "extra privilege function label(r t) to PUBLIC",
                                "extra privilege function positive(n integer) to PUBLIC",
                                "extra privilege type pos to PUBLIC").drift(CHAIN).viaPsql()
                        .expect(EXTRA, FUNCTION, "from_view()"),
                named("deps: build from empty (database)")
                        .expect("missing schema app",
                                "missing domain app.pos",
                                "missing function app.from_view()",
                                "missing function app.label(r app.t)",
                                "missing function app.positive(n integer)",
                                "missing table app.t",
                                "missing table app.u",
                                "missing view app.v_all",
                                "missing view app.v_ids",
                                "missing privilege app.function all_t() to PUBLIC",
                                "missing privilege app.function from_view() to PUBLIC",
                                "missing privilege app.function label(r app.t) to PUBLIC",
                                "missing privilege app.function positive(n integer) to PUBLIC",
                                "missing privilege app.type pos to PUBLIC").mode(PgScenario.Mode.DATABASE)
                        .golden("CREATE SCHEMA app; SET search_path = app; " + CHAIN)
                        .expect(MISSING, FUNCTION, "app.all_t()"),
                named("deps: wipe to empty (database)")
                        .expect("extra schema app",
                                "extra domain app.pos",
                                "extra function app.from_view()",
                                "extra function app.label(r app.t)",
                                "extra function app.positive(n integer)",
                                "extra table app.t",
                                "extra table app.u",
                                "extra view app.v_all",
                                "extra view app.v_ids",
                                "extra privilege app.function all_t() to PUBLIC",
                                "extra privilege app.function from_view() to PUBLIC",
                                "extra privilege app.function label(r app.t) to PUBLIC",
                                "extra privilege app.function positive(n integer) to PUBLIC",
                                "extra privilege app.type pos to PUBLIC").mode(PgScenario.Mode.DATABASE)
                        .drift("CREATE SCHEMA app; SET search_path = app; " + CHAIN)
                        .expect(EXTRA, FUNCTION, "app.all_t()"),
                named("deps: table re-created under a function that returns its rows").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden("CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);"
                                + "CREATE FUNCTION all_p() RETURNS SETOF p LANGUAGE sql STABLE AS $$ SELECT * FROM p $$;")
                        .drift("CREATE TABLE p (id int, at date);"
                                + "CREATE FUNCTION all_p() RETURNS SETOF p LANGUAGE sql STABLE AS $$ SELECT * FROM p $$;")
                        .expect(dev.driftd.diff.ChangeType.CHANGED, TABLE, "p"),
                named("deps: foreign-key cycle built from empty (single schema)")
                        .expect("missing table PLAN").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(FK_CYCLE).expect(MISSING, TABLE, "MAPPING").expect(MISSING, TABLE, "POOL"),
                named("deps: foreign-key cycle wiped to empty (single schema)")
                        .expect("extra table PLAN").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .drift(FK_CYCLE).expect(EXTRA, TABLE, "MAPPING").expect(EXTRA, TABLE, "POOL"),
                named("deps: foreign-key cycle built from empty (database)")
                        .expect("missing schema app",
                                "missing table app.MAPPING",
                                "missing table app.POOL").mode(PgScenario.Mode.DATABASE)
                        .golden("CREATE SCHEMA app; SET search_path = app; " + FK_CYCLE)
                        .expect(MISSING, TABLE, "app.PLAN"),
                named("deps: foreign-key cycle wiped to empty (database)")
                        .expect("extra schema app",
                                "extra table app.MAPPING",
                                "extra table app.POOL").mode(PgScenario.Mode.DATABASE)
                        .drift("CREATE SCHEMA app; SET search_path = app; " + FK_CYCLE)
                        .expect(EXTRA, TABLE, "app.PLAN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesBothWays(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
