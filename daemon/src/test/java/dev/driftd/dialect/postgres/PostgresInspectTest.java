package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.CompositeType;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.ExclusionConstraint;
import dev.driftd.schema.Extension;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Policy;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Routine;
import dev.driftd.schema.SchemaDef;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableKind;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.TypeAttribute;
import dev.driftd.schema.UniqueConstraint;
import dev.driftd.schema.View;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inspected model of every object kind, in database scope and in single-schema scope. */
class PostgresInspectTest {
    /** Everything, in schema {@code %s} (replaced per test) so the same text serves both scopes. */
    static final String SCHEMA = """
            CREATE SCHEMA %1$s;
            COMMENT ON SCHEMA %1$s IS 'the app';
            CREATE TYPE %1$s.mood AS ENUM ('sad', 'ok', 'happy');
            COMMENT ON TYPE %1$s.mood IS 'feelings';
            CREATE DOMAIN %1$s.posint AS int NOT NULL DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
            CREATE DOMAIN %1$s.code AS text COLLATE "C";
            CREATE TYPE %1$s.pair AS (a int, b text COLLATE "C");
            CREATE SEQUENCE %1$s.free_seq AS integer INCREMENT 5 START 10 MINVALUE 10 MAXVALUE 1000 CACHE 2 CYCLE;
            CREATE TABLE %1$s.users (
              id serial PRIMARY KEY,
              name varchar(40) NOT NULL DEFAULT 'anon',
              mood %1$s.mood DEFAULT 'ok',
              email text COLLATE "C" UNIQUE,
              score %1$s.posint,
              created timestamptz DEFAULT now(),
              doubled int GENERATED ALWAYS AS (id * 2) STORED,
              ident bigint GENERATED ALWAYS AS IDENTITY,
              tags text[] DEFAULT '{}');
            COMMENT ON TABLE %1$s.users IS 'people';
            COMMENT ON COLUMN %1$s.users.name IS 'full name';
            CREATE TABLE %1$s.orders (
              id int PRIMARY KEY,
              user_id int CONSTRAINT orders_user_fk REFERENCES %1$s.users (id) ON DELETE CASCADE ON UPDATE SET NULL
                  DEFERRABLE INITIALLY DEFERRED,
              amount numeric(10,2) CONSTRAINT amount_positive CHECK (amount >= 0) NO INHERIT,
              lo int, hi int,
              note text,
              CONSTRAINT span_excl EXCLUDE USING gist (int4range(lo, hi) WITH &&) DEFERRABLE,
              CONSTRAINT orders_note_key UNIQUE NULLS NOT DISTINCT (note));
            COMMENT ON CONSTRAINT amount_positive ON %1$s.orders IS 'no refunds';
            CREATE INDEX orders_amount_idx ON %1$s.orders (amount DESC NULLS LAST) WHERE amount > 10;
            CREATE INDEX orders_note_idx ON %1$s.orders (lower(note) text_pattern_ops, note COLLATE "C")
                INCLUDE (user_id) WITH (fillfactor = 80);
            COMMENT ON INDEX %1$s.orders_note_idx IS 'search';
            CREATE UNIQUE INDEX users_name_idx ON %1$s.users (name) NULLS NOT DISTINCT;
            CREATE INDEX users_hash_idx ON %1$s.users USING hash (email);
            CREATE INDEX users_pattern_idx ON %1$s.users (name varchar_pattern_ops);
            CREATE INDEX users_mood_idx ON %1$s.users (mood, name, email COLLATE "POSIX");
            CREATE INDEX users_tags_idx ON %1$s.users USING gin (tags);
            CREATE VIEW %1$s.happy_users WITH (security_barrier) AS
              SELECT id, name FROM %1$s.users WHERE mood = 'happy' WITH CASCADED CHECK OPTION;
            CREATE MATERIALIZED VIEW %1$s.totals AS SELECT user_id, sum(amount) AS total FROM %1$s.orders GROUP BY user_id;
            CREATE UNIQUE INDEX totals_user_idx ON %1$s.totals (user_id);
            CREATE FUNCTION %1$s.add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
            COMMENT ON FUNCTION %1$s.add(int, int) IS 'sum';
            CREATE PROCEDURE %1$s.touch(m %1$s.mood) LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION %1$s.stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TRIGGER users_stamp BEFORE INSERT OR UPDATE ON %1$s.users
              FOR EACH ROW EXECUTE FUNCTION %1$s.stamp();
            CREATE TRIGGER orders_stamp AFTER DELETE ON %1$s.orders FOR EACH STATEMENT EXECUTE FUNCTION %1$s.stamp();
            ALTER TABLE %1$s.orders DISABLE TRIGGER orders_stamp;
            ALTER TABLE %1$s.users ENABLE ROW LEVEL SECURITY;
            ALTER TABLE %1$s.users FORCE ROW LEVEL SECURITY;
            CREATE POLICY own_rows ON %1$s.users AS RESTRICTIVE FOR UPDATE TO PUBLIC
              USING (mood <> 'sad') WITH CHECK (name <> '');
            CREATE TABLE %1$s.events (at date NOT NULL, v int) PARTITION BY RANGE (at);
            CREATE TABLE %1$s.events_2020 PARTITION OF %1$s.events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
            CREATE INDEX events_v_idx ON %1$s.events (v);
            ALTER TABLE %1$s.events ADD CONSTRAINT events_v_check CHECK (v > 0);
            CREATE TABLE %1$s.base (id int);
            CREATE TABLE %1$s.child (extra text) INHERITS (%1$s.base);
            CREATE UNLOGGED TABLE %1$s.scratch (x int) WITH (fillfactor = 70, autovacuum_enabled = false);
            """;

    /** {@link #SCHEMA} in schema {@code name}, as the test server parses it. */
    static String schema(String name) {
        return PgFixtureSql.forServer(TestDatabases.postgres(), SCHEMA.formatted(name));
    }

    private static TestDatabase db;
    private static Snapshot database;
    private static Snapshot tenant;

    @BeforeAll
    static void load() {
        db = TestDatabases.postgres().createDatabase("inspect");
        db.execute("CREATE EXTENSION btree_gist", schema("app"), schema("tenant_b"));
        Engine engine = new Engine();
        database = engine.snapshot(db.target(), InspectOptions.DEFAULT);
        tenant = engine.snapshot(db.target("app"), InspectOptions.DEFAULT);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    private static <T> T get(Snapshot s, ObjectKey key, Class<T> type) {
        assertThat(s.get(key)).as("%s in snapshot", key).isNotNull();
        return type.cast(s.get(key));
    }

    private static ObjectKey key(ObjectKind kind, String schema, String name) {
        return ObjectKey.of(kind, schema, name);
    }

    private static ObjectKey part(ObjectKind kind, String schema, String table, String name) {
        return ObjectKey.part(kind, schema, table, name);
    }

    @Test
    void scopeOfAWholeDatabaseIsEveryUserSchemaWithRealNames() {
        assertThat(database.getScope().relative()).isFalse();
        assertThat(database.getScope().schemas()).containsExactly("app", "public", "tenant_b");
        assertThat(get(database, key(ObjectKind.SCHEMA, "", "app"), SchemaDef.class).comment()).isEqualTo("the app");
        assertThat(database.contains(key(ObjectKind.TABLE, "tenant_b", "users"))).isTrue();
        assertThat(database.getNotInspected()).isEmpty();
        // extension-owned functions (btree_gist's) and system schemas never appear
        assertThat(database.byKey().keySet()).noneMatch(k -> k.schema().startsWith("pg_")
                || k.schema().equals("information_schema"));
        assertThat(database.all(Routine.class)).allMatch(r -> r.schema().equals("app") || r.schema().equals("tenant_b"));
        Extension gist = get(database, key(ObjectKind.EXTENSION, "", "btree_gist"), Extension.class);
        assertThat(gist.schema()).isEqualTo("public");
        assertThat(gist.version()).isNotBlank();
    }

    @Test
    void typesAndSequences() {
        assertThat(get(database, key(ObjectKind.ENUM_TYPE, "app", "mood"), EnumType.class))
                .isEqualTo(new EnumType("app", "mood", List.of("sad", "ok", "happy"), "feelings"));
        assertThat(get(database, key(ObjectKind.DOMAIN, "app", "posint"), Domain.class))
                .isEqualTo(new Domain("app", "posint", "integer", true, "1", null,
                        List.of(new NamedCheck("positive", "VALUE > 0")), null));
        assertThat(get(database, key(ObjectKind.DOMAIN, "app", "code"), Domain.class).collation()).isEqualTo("C");
        assertThat(get(database, key(ObjectKind.COMPOSITE_TYPE, "app", "pair"), CompositeType.class).attributes())
                .containsExactly(new TypeAttribute("a", "integer", null), new TypeAttribute("b", "text", "C"));
        assertThat(get(database, key(ObjectKind.SEQUENCE, "app", "free_seq"), Sequence.class))
                .isEqualTo(new Sequence("app", "free_seq", "integer", 10, 5, 10, 1000, 2, true, null, null));
        Sequence serial = get(database, key(ObjectKind.SEQUENCE, "app", "users_id_seq"), Sequence.class);
        assertThat(serial.ownedBy()).isEqualTo("users.id");
        // the identity column's sequence belongs to the column
        assertThat(database.all(Sequence.class)).noneMatch(s -> s.name().contains("ident"));
    }

    @Test
    void tablesWithOptionsPartitionsAndInheritance() {
        Table users = get(database, key(ObjectKind.TABLE, "app", "users"), Table.class);
        assertThat(users.comment()).isEqualTo("people");
        assertThat(users.rowSecurity()).isTrue();
        assertThat(users.forceRowSecurity()).isTrue();
        Table events = get(database, key(ObjectKind.TABLE, "app", "events"), Table.class);
        assertThat(events.tableKind()).isEqualTo(TableKind.PARTITIONED);
        assertThat(events.partitionKey()).isEqualTo("RANGE (at)");
        Table partition = get(database, key(ObjectKind.TABLE, "app", "events_2020"), Table.class);
        assertThat(partition.partitionOf()).isEqualTo(new TableRef("app", "events"));
        assertThat(partition.partitionBound()).isEqualTo("FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')");
        assertThat(partition.inherits()).isEmpty();
        assertThat(get(database, key(ObjectKind.TABLE, "app", "child"), Table.class).inherits())
                .containsExactly(new TableRef("app", "base"));
        assertThat(get(database, key(ObjectKind.TABLE, "app", "scratch"), Table.class).options())
                .isEqualTo(Map.of("persistence", "unlogged", "with.fillfactor", "70",
                        "with.autovacuum_enabled", "false"));
    }

    @Test
    void columns() {
        List<Column> cols = database.columnsOf("app", "users");
        assertThat(cols).extracting(Column::name)
                .containsExactly("id", "name", "mood", "email", "score", "created", "doubled", "ident", "tags");
        Map<String, Column> byName = cols.stream().collect(Collectors.toMap(Column::name, c -> c));
        assertThat(byName.get("id").defaultExpression()).isEqualTo("nextval('app.users_id_seq'::regclass)");
        assertThat(byName.get("id").nullable()).isFalse();
        Column name = byName.get("name");
        assertThat(name.type()).isEqualTo("character varying(40)");
        assertThat(name.defaultExpression()).isEqualTo("'anon'");
        assertThat(name.comment()).isEqualTo("full name");
        assertThat(byName.get("mood").type()).isEqualTo("app.mood");
        assertThat(byName.get("mood").defaultExpression()).isEqualTo("'ok'");
        assertThat(byName.get("email").collation()).isEqualTo("C");
        assertThat(byName.get("name").collation()).isNull();
        assertThat(byName.get("created").defaultExpression()).isEqualTo("now()");
        assertThat(byName.get("doubled").generated()).isEqualTo("id * 2");
        assertThat(byName.get("doubled").generatedKind()).isEqualTo("STORED");
        assertThat(byName.get("doubled").defaultExpression()).isNull();
        assertThat(byName.get("ident").identity()).isEqualTo("ALWAYS");
        assertThat(byName.get("tags").defaultExpression()).isEqualTo("'{}'");
        assertThat(database.columnsOf("app", "events_2020")).extracting(Column::name).containsExactly("at", "v");
    }

    @Test
    void constraints() {
        assertThat(get(database, part(ObjectKind.PRIMARY_KEY, "app", "users", "users_pkey"), PrimaryKey.class)
                .columns()).containsExactly("id");
        assertThat(get(database, part(ObjectKind.UNIQUE_CONSTRAINT, "app", "orders", "orders_note_key"),
                UniqueConstraint.class).nullsNotDistinct())
                .isEqualTo(PgFixtureSql.supportsNullsNotDistinct(TestDatabases.postgres()));
        assertThat(get(database, part(ObjectKind.UNIQUE_CONSTRAINT, "app", "users", "users_email_key"),
                UniqueConstraint.class).nullsNotDistinct()).isFalse();
        assertThat(get(database, part(ObjectKind.CHECK_CONSTRAINT, "app", "orders", "amount_positive"),
                CheckConstraint.class))
                .isEqualTo(new CheckConstraint("app", "orders", "amount_positive", "amount >= 0::numeric", true, true,
                        "no refunds"));
        ExclusionConstraint excl = get(database, part(ObjectKind.EXCLUSION_CONSTRAINT, "app", "orders", "span_excl"),
                ExclusionConstraint.class);
        assertThat(excl.definition()).isEqualTo("EXCLUDE USING gist (int4range(lo, hi) WITH &&)");
        assertThat(excl.deferrable()).isTrue();
        assertThat(excl.initiallyDeferred()).isFalse();
        assertThat(get(database, part(ObjectKind.FOREIGN_KEY, "app", "orders", "orders_user_fk"), ForeignKey.class))
                .isEqualTo(new ForeignKey("app", "orders", "orders_user_fk", List.of("user_id"),
                        new TableRef("app", "users"), List.of("id"), "SET NULL", "CASCADE", "SIMPLE", true, true, null));
        // a partitioned table's check is its own; the partition's inherited copy is not listed again
        assertThat(database.contains(part(ObjectKind.CHECK_CONSTRAINT, "app", "events", "events_v_check"))).isTrue();
        assertThat(database.contains(part(ObjectKind.CHECK_CONSTRAINT, "app", "events_2020", "events_v_check")))
                .isFalse();
    }

    @Test
    void indexesButNotThoseBackingConstraintsOrPartitionCopies() {
        Index amount = get(database, part(ObjectKind.INDEX, "app", "orders", "orders_amount_idx"), Index.class);
        assertThat(amount.parts()).containsExactly(new IndexPart("amount", null, "DESC", "LAST", null, null, null));
        assertThat(amount.predicate()).isEqualTo("amount > 10::numeric");
        assertThat(amount.method()).isEqualTo("btree");
        Index note = get(database, part(ObjectKind.INDEX, "app", "orders", "orders_note_idx"), Index.class);
        assertThat(note.parts()).containsExactly(
                new IndexPart(null, "lower(note)", "ASC", null, "text_pattern_ops", null, null),
                new IndexPart("note", null, "ASC", null, null, "C", null));
        assertThat(note.include()).containsExactly("user_id");
        assertThat(note.options()).isEqualTo(Map.of("fillfactor", "80"));
        assertThat(note.comment()).isEqualTo("search");
        Index unique = get(database, part(ObjectKind.INDEX, "app", "users", "users_name_idx"), Index.class);
        assertThat(unique.unique()).isTrue();
        assertThat(unique.nullsNotDistinct()).isEqualTo(PgFixtureSql.supportsNullsNotDistinct(TestDatabases.postgres()));
        assertThat(get(database, part(ObjectKind.INDEX, "app", "users", "users_hash_idx"), Index.class).method())
                .isEqualTo("hash");
        // operator classes and collations appear only when they are not what the server would pick
        assertThat(get(database, part(ObjectKind.INDEX, "app", "users", "users_pattern_idx"), Index.class).parts())
                .containsExactly(new IndexPart("name", null, "ASC", null, "varchar_pattern_ops", null, null));
        assertThat(get(database, part(ObjectKind.INDEX, "app", "users", "users_mood_idx"), Index.class).parts())
                .containsExactly(IndexPart.column("mood"), IndexPart.column("name"),
                        new IndexPart("email", null, "ASC", null, null, "POSIX", null));
        Index tags = get(database, part(ObjectKind.INDEX, "app", "users", "users_tags_idx"), Index.class);
        assertThat(tags.method()).isEqualTo("gin");
        assertThat(tags.parts()).containsExactly(IndexPart.column("tags"));
        assertThat(database.contains(part(ObjectKind.INDEX, "app", "totals", "totals_user_idx"))).isTrue();
        assertThat(database.contains(part(ObjectKind.INDEX, "app", "events", "events_v_idx"))).isTrue();
        List<String> indexNames = database.all(Index.class).stream().filter(i -> i.schema().equals("app"))
                .map(Index::name).toList();
        assertThat(indexNames).doesNotContain("users_pkey", "users_email_key", "orders_note_key", "span_excl",
                "events_2020_v_idx");
    }

    @Test
    void viewsRoutinesTriggersPolicies() {
        View happy = get(database, key(ObjectKind.VIEW, "app", "happy_users"), View.class);
        assertThat(happy.columns()).containsExactly("id", "name");
        assertThat(happy.definition()).contains("FROM app.users").doesNotEndWith(";");
        assertThat(happy.options()).isEqualTo(Map.of("check_option", "cascaded", "security_barrier", "true"));
        View totals = get(database, key(ObjectKind.MATERIALIZED_VIEW, "app", "totals"), View.class);
        assertThat(totals.materialized()).isTrue();
        assertThat(totals.columns()).containsExactly("user_id", "total");

        Routine add = get(database, key(ObjectKind.FUNCTION, "app", "add(a integer, b integer)"), Routine.class);
        assertThat(add.baseName()).isEqualTo("add");
        assertThat(add.definition()).startsWith("CREATE OR REPLACE FUNCTION app.add(a integer, b integer)")
                .contains("IMMUTABLE");
        assertThat(add.comment()).isEqualTo("sum");
        assertThat(get(database, key(ObjectKind.PROCEDURE, "app", "touch(IN m app.mood)"), Routine.class).procedure())
                .isTrue();

        Trigger stamp = get(database, part(ObjectKind.TRIGGER, "app", "users", "users_stamp"), Trigger.class);
        assertThat(stamp.definition()).isEqualTo("CREATE TRIGGER users_stamp BEFORE INSERT OR UPDATE ON app.users "
                + "FOR EACH ROW EXECUTE FUNCTION app.stamp()");
        assertThat(stamp.enabled()).isEqualTo("ENABLED");
        assertThat(get(database, part(ObjectKind.TRIGGER, "app", "orders", "orders_stamp"), Trigger.class).enabled())
                .isEqualTo("DISABLED");

        assertThat(get(database, part(ObjectKind.POLICY, "app", "users", "own_rows"), Policy.class))
                .isEqualTo(new Policy("app", "users", "own_rows", false, "UPDATE", List.of("PUBLIC"),
                        "mood <> 'sad'::app.mood", "name::text <> ''::text", null));
    }

    @Test
    void singleSchemaScopeIsRelativeAndPrintsTheSchemaUnqualified() {
        assertThat(tenant.getScope().relative()).isTrue();
        assertThat(tenant.getScope().schemas()).containsExactly("app");
        assertThat(tenant.byKey().keySet()).allMatch(k -> k.schema().isEmpty());
        assertThat(tenant.ofKind(ObjectKind.SCHEMA)).isEmpty();
        assertThat(tenant.ofKind(ObjectKind.EXTENSION)).isEmpty(); // btree_gist lives in public
        assertThat(tenant.contains(key(ObjectKind.TABLE, "", "users"))).isTrue();
        assertThat(tenant.columnsOf("", "users")).filteredOn(c -> c.name().equals("id")).first()
                .extracting(Column::defaultExpression).isEqualTo("nextval('users_id_seq'::regclass)");
        assertThat(tenant.columnsOf("", "users")).filteredOn(c -> c.name().equals("mood")).first()
                .extracting(Column::type).isEqualTo("mood");
        assertThat(get(tenant, part(ObjectKind.FOREIGN_KEY, "", "orders", "orders_user_fk"), ForeignKey.class)
                .references()).isEqualTo(new TableRef("", "users"));
        assertThat(get(tenant, key(ObjectKind.VIEW, "", "happy_users"), View.class).definition())
                .contains("FROM users").doesNotContain("app.");
        assertThat(get(tenant, key(ObjectKind.FUNCTION, "", "add(a integer, b integer)"), Routine.class).definition())
                .startsWith("CREATE OR REPLACE FUNCTION add(a integer, b integer)");
        // the key is one form on every version (PgProcedureArgs); the definition is the server's own
        // text, and pg_get_functiondef prints a procedure's IN only from 14 on
        String header = PgFixtureSql.major(TestDatabases.postgres()) >= 14 ? "touch(IN m mood)" : "touch(m mood)";
        assertThat(get(tenant, key(ObjectKind.PROCEDURE, "", "touch(IN m mood)"), Routine.class).definition())
                .startsWith("CREATE OR REPLACE PROCEDURE " + header);
        assertThat(get(tenant, part(ObjectKind.TRIGGER, "", "users", "users_stamp"), Trigger.class).definition())
                .isEqualTo("CREATE TRIGGER users_stamp BEFORE INSERT OR UPDATE ON users "
                        + "FOR EACH ROW EXECUTE FUNCTION stamp()");
        assertThat(get(tenant, key(ObjectKind.TABLE, "", "events_2020"), Table.class).partitionOf())
                .isEqualTo(new TableRef("", "events"));
        assertThat(get(tenant, key(ObjectKind.SEQUENCE, "", "users_id_seq"), Sequence.class).ownedBy())
                .isEqualTo("users.id");
        assertThat(tenant.byKey().values().toString()).doesNotContain("app.");
    }

    @Test
    void twoTenantSchemasWithTheSameContentCompareEqual() {
        Snapshot b = new Engine().snapshot(db.target("tenant_b"), InspectOptions.DEFAULT);
        assertThat(b.fingerprint()).isEqualTo(tenant.fingerprint());
        assertThat(Differ.compare(tenant, b).changes()).isEmpty();
        db.execute("CREATE INDEX extra_idx ON tenant_b.users (created)");
        try {
            Snapshot drifted = new Engine().snapshot(db.target("tenant_b"), InspectOptions.DEFAULT);
            assertThat(drifted.fingerprint()).isNotEqualTo(tenant.fingerprint());
            assertThat(Differ.describe(Differ.compare(tenant, drifted))).hasSize(1);
        } finally {
            db.execute("DROP INDEX tenant_b.extra_idx");
        }
    }

    @Test
    void aTenantReferencingAnotherSchemaKeepsThatSchemaName() {
        db.execute("CREATE TABLE public.shared (id int PRIMARY KEY)",
                "CREATE TABLE tenant_b.refs (s int REFERENCES public.shared (id), u int DEFAULT 0)");
        try {
            Snapshot b = new Engine().snapshot(db.target("tenant_b"), InspectOptions.DEFAULT);
            ForeignKey fk = b.all(ForeignKey.class).stream().filter(f -> f.table().equals("refs")).findFirst()
                    .orElseThrow();
            assertThat(fk.references()).isEqualTo(new TableRef("public", "shared"));
        } finally {
            db.execute("DROP TABLE tenant_b.refs", "DROP TABLE public.shared");
        }
    }

    @Test
    void aMissingSchemaIsAClearError() {
        assertThatThrownBy(() -> new Engine().snapshot(db.target("nope"), InspectOptions.DEFAULT))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("schema \"nope\" does not exist in database " + db.name());
    }

    @Test
    void catalogQueriesDoNotGrowWithTheNumberOfTables() throws Exception {
        try (TestDatabase small = TestDatabases.postgres().createDatabase("count_small");
             TestDatabase large = TestDatabases.postgres().createDatabase("count_large")) {
            small.execute(tables(1));
            large.execute(tables(60));
            int smallQueries = queriesFor(small, null, PgScopeFilter.TenantRead.BY_SHARE);
            int largeQueries = queriesFor(large, null, PgScopeFilter.TenantRead.BY_SHARE);
            assertThat(largeQueries).isEqualTo(smallQueries);
            assertThat(queriesFor(large, "public", PgScopeFilter.TenantRead.BY_NAMESPACE)).isEqualTo(smallQueries);
            // read by member, a single schema first lists its members and turns parallel plans off (PgScopeFilter)
            assertThat(queriesFor(large, "public", PgScopeFilter.TenantRead.BY_MEMBER)).isEqualTo(smallQueries + 2);
            assertThat(smallQueries).isBetween(10, 28);
        }
    }

    private static String tables(int n) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id serial PRIMARY KEY, a text DEFAULT 'x' CHECK (a <> ''),")
                    .append(" p int REFERENCES t").append(i).append(" (id));")
                    .append("CREATE INDEX ON t").append(i).append(" (lower(a)) WHERE a IS NOT NULL;")
                    .append("CREATE VIEW v").append(i).append(" AS SELECT * FROM t").append(i).append(";");
        }
        return sql.toString();
    }

    private static int queriesFor(TestDatabase target, String schema, PgScopeFilter.TenantRead read) throws Exception {
        try (Connection c = PostgresConnections.open(target.target(), InspectOptions.DEFAULT, true)) {
            PostgresInspector inspector = new PostgresInspector(c, InspectOptions.DEFAULT, read);
            Snapshot s = inspector.inspect(schema);
            assertThat(s.ofKind(ObjectKind.TABLE)).isNotEmpty();
            return inspector.queriesRun();
        }
    }
}
