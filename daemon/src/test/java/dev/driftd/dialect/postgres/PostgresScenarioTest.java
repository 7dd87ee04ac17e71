package dev.driftd.dialect.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.driftd.diff.ChangeType.CHANGED;
import static dev.driftd.diff.ChangeType.EXTRA;
import static dev.driftd.diff.ChangeType.MISSING;
import static dev.driftd.diff.Severity.ADDITIVE;
import static dev.driftd.diff.Severity.BREAKING;
import static dev.driftd.diff.Severity.COSMETIC;
import static dev.driftd.diff.Severity.DESTRUCTIVE;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.CHECK_CONSTRAINT;
import static dev.driftd.schema.ObjectKind.COLUMN;
import static dev.driftd.schema.ObjectKind.COMPOSITE_TYPE;
import static dev.driftd.schema.ObjectKind.DOMAIN;
import static dev.driftd.schema.ObjectKind.ENUM_TYPE;
import static dev.driftd.schema.ObjectKind.EXCLUSION_CONSTRAINT;
import static dev.driftd.schema.ObjectKind.EXTENSION;
import static dev.driftd.schema.ObjectKind.FOREIGN_KEY;
import static dev.driftd.schema.ObjectKind.FUNCTION;
import static dev.driftd.schema.ObjectKind.INDEX;
import static dev.driftd.schema.ObjectKind.MATERIALIZED_VIEW;
import static dev.driftd.schema.ObjectKind.POLICY;
import static dev.driftd.schema.ObjectKind.PRIMARY_KEY;
import static dev.driftd.schema.ObjectKind.PROCEDURE;
import static dev.driftd.schema.ObjectKind.SCHEMA;
import static dev.driftd.schema.ObjectKind.SEQUENCE;
import static dev.driftd.schema.ObjectKind.TABLE;
import static dev.driftd.schema.ObjectKind.TRIGGER;
import static dev.driftd.schema.ObjectKind.UNIQUE_CONSTRAINT;
import static dev.driftd.schema.ObjectKind.VIEW;

/**
 * The drift scenario suite: every object kind added, removed and changed, dependency chains,
 * multi-schema and schema-per-tenant scopes. Each scenario must converge (target fingerprint ==
 * golden's after applying the plan) and pass the independent pg_dump comparison.
 */
class PostgresScenarioTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();
    private static final int THREADS = 4;
    private static final Map<String, CompletableFuture<Void>> RUNS = new ConcurrentHashMap<>();
    private static ExecutorService pool;

    /** The schema most scenarios start from: a little shop with every common kind of object. */
    static final String SHOP = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
            CREATE TYPE address AS (street text, zip varchar(10));
            CREATE SEQUENCE order_no START 1000;
            CREATE TABLE customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                name varchar(100),
                mood mood DEFAULT 'ok',
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE orders (
                id serial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                no integer DEFAULT nextval('order_no'),
                qty posint,
                price numeric(10,2) CONSTRAINT price_not_negative CHECK (price >= 0),
                total numeric GENERATED ALWAYS AS (qty * price) STORED,
                note text
            );
            CREATE TABLE settings (key text PRIMARY KEY, value jsonb);
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            CREATE INDEX customers_lower_email ON customers (lower(email));
            CREATE VIEW customer_orders AS
                SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.note := coalesce(NEW.note, 'x'); RETURN NEW; END $$;
            CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            COMMENT ON TABLE customers IS 'people who buy';
            INSERT INTO customers (email, name) VALUES ('a@example.com', 'Ann'), ('b@example.com', 'Bob');
            INSERT INTO orders (customer_id, qty, price) VALUES (1, 2, 9.50), (2, 1, 3.00);
            """;

    static Stream<PgScenario> scenarios() {
        return Stream.of(tables(), columns(), constraints(), indexes(), views(), types(), sequences(), routines(),
                triggersAndPolicies(), partitions(), scopes()).flatMap(x -> x);
    }

    static Stream<PgScenario> tables() {
        return Stream.of(
                named("missing table with its key, index, check, foreign key and comment").mode(PgScenario.Mode.DATABASE).base(SHOP)
                        .golden("""
                                CREATE TABLE audit_log (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id),
                                  at timestamptz NOT NULL DEFAULT now(), what text CHECK (what <> ''));
                                CREATE INDEX audit_log_at ON audit_log (at DESC);
                                COMMENT ON TABLE audit_log IS 'who did what';
                                COMMENT ON COLUMN audit_log.what IS 'the action';""")
                        .expect(MISSING, TABLE, "audit_log", BREAKING),
                named("extra table is dropped").base(SHOP)
                        .drift("CREATE TABLE scratch (id int PRIMARY KEY, junk text); INSERT INTO scratch VALUES (1, 'x');")
                        .expect(EXTRA, TABLE, "scratch", DESTRUCTIVE),
                named("two extra tables, one referencing the other").base(SHOP)
                        .drift("""
                                CREATE TABLE a_parent (id int PRIMARY KEY);
                                CREATE TABLE z_child (id int PRIMARY KEY, parent int REFERENCES a_parent (id));""")
                        .expect(EXTRA, TABLE, "a_parent").expect(EXTRA, TABLE, "z_child")
                        .planContains("DROP TABLE @.z_child;\n\n-- extra table\n-- hazards: access_exclusive_lock, deletes_data\nDROP TABLE @.a_parent"),
                named("missing table referenced by a missing column's foreign key").base(SHOP)
                        .golden("""
                                CREATE TABLE regions (code char(2) PRIMARY KEY, name text NOT NULL);
                                ALTER TABLE customers ADD COLUMN region char(2) REFERENCES regions (code);""")
                        .expect(MISSING, TABLE, "regions").expect(MISSING, COLUMN, "customers.region")
                        .expect(MISSING, FOREIGN_KEY, "customers.customers_region_fkey"),
                named("table comment differs").base(SHOP).drift("COMMENT ON TABLE customers IS 'buyers';")
                        .expect(CHANGED, TABLE, "customers", COSMETIC),
                named("table comment missing").base(SHOP).drift("COMMENT ON TABLE customers IS NULL;")
                        .expect(CHANGED, TABLE, "customers", COSMETIC),
                named("unlogged table").base(SHOP).drift("ALTER TABLE settings SET UNLOGGED;")
                        .expect(CHANGED, TABLE, "settings").planContains("SET LOGGED"),
                named("storage parameters").base(SHOP)
                        .golden("ALTER TABLE orders SET (fillfactor = 70);")
                        .drift("ALTER TABLE settings SET (autovacuum_enabled = false);")
                        .expect(CHANGED, TABLE, "orders").expect(CHANGED, TABLE, "settings"),
                named("inheritance child that golden does not have").base(SHOP + "CREATE TABLE notes (id int, body text);")
                        .golden("CREATE TABLE order_notes (id int, body text, order_id int);")
                        .drift("CREATE TABLE order_notes (order_id int) INHERITS (notes);")
                        .expect(CHANGED, TABLE, "order_notes").planContains("NO INHERIT"),
                named("reserved and mixed-case names are quoted").base(SHOP)
                        .golden("""
                                CREATE TABLE "Order Lines" ("user" int, "Select" text, "group" text PRIMARY KEY);
                                CREATE INDEX "Order Lines_user" ON "Order Lines" ("user");""")
                        .expect(MISSING, TABLE, "Order Lines")
                        .planContains("CREATE TABLE @.\"Order Lines\"")
        );
    }

    static Stream<PgScenario> columns() {
        return Stream.of(
                named("missing column").base(SHOP).drift("ALTER TABLE orders DROP COLUMN note CASCADE;")
                        .expect(MISSING, COLUMN, "orders.note"),
                named("extra column").base(SHOP).drift("ALTER TABLE customers ADD COLUMN nickname text;")
                        .expect(EXTRA, COLUMN, "customers.nickname", DESTRUCTIVE),
                named("extra column read by a view").base(SHOP)
                        .drift("ALTER TABLE customers ADD COLUMN vip boolean; CREATE VIEW vips AS SELECT id FROM customers WHERE vip;")
                        .expect(EXTRA, COLUMN, "customers.vip").expect(EXTRA, VIEW, "vips"),
                named("column type change under a view on a view")
                        .expect("changed index public.customers.customers_lower_email").mode(PgScenario.Mode.DATABASE).base(SHOP + """
                                CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;""")
                        .drift("""
                                DROP VIEW big_orders; DROP VIEW customer_orders;
                                ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
                                CREATE VIEW customer_orders AS
                                  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
                                CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;""")
                        .expect(CHANGED, COLUMN, "customers.email", BREAKING)
                        .planContains("DROP VIEW @.big_orders")
                        .viaPsql(),
                named("cheap varchar widening").base(SHOP).drift("ALTER TABLE customers ALTER COLUMN name TYPE varchar(50);")
                        .expect(CHANGED, COLUMN, "customers.name"),
                named("type change with a default that cannot be cast").base(SHOP)
                        .drift("ALTER TABLE orders ALTER COLUMN note TYPE varchar(20); ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'n/a';")
                        .golden("ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none';")
                        .expect(CHANGED, COLUMN, "orders.note"),
                named("integer to bigint on a referenced key and its foreign key").base(SHOP)
                        .drift("""
                                DROP VIEW customer_orders;
                                ALTER TABLE orders ALTER COLUMN customer_id TYPE integer;
                                ALTER TABLE customers ALTER COLUMN id TYPE integer;
                                CREATE VIEW customer_orders AS
                                  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;""")
                        .expect(CHANGED, COLUMN, "customers.id").expect(CHANGED, COLUMN, "orders.customer_id")
                        .planContains("DROP CONSTRAINT orders_customer_id_fkey"),
                named("default differs").base(SHOP).drift("ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'happy';")
                        .expect(CHANGED, COLUMN, "customers.mood"),
                named("default missing").base(SHOP).drift("ALTER TABLE customers ALTER COLUMN created_at DROP DEFAULT;")
                        .expect(CHANGED, COLUMN, "customers.created_at"),
                named("not null missing").base(SHOP).drift("ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;")
                        .expect(CHANGED, COLUMN, "customers.email").planContains("SET NOT NULL"),
                named("extra not null").base(SHOP).drift("UPDATE orders SET note = 'n'; ALTER TABLE orders ALTER COLUMN note SET NOT NULL;")
                        .expect(CHANGED, COLUMN, "orders.note").planContains("DROP NOT NULL"),
                named("identity missing").base(SHOP + "CREATE TABLE tickets (id bigint PRIMARY KEY, subject text);")
                        .golden("ALTER TABLE tickets ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;")
                        .expect(CHANGED, COLUMN, "tickets.id").planContains("ADD GENERATED BY DEFAULT AS IDENTITY"),
                named("extra identity").base(SHOP + "CREATE TABLE tickets (id bigint PRIMARY KEY, subject text);")
                        .drift("ALTER TABLE tickets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;")
                        .expect(CHANGED, COLUMN, "tickets.id").planContains("DROP IDENTITY"),
                named("identity kind differs").base(SHOP)
                        .drift("ALTER TABLE customers ALTER COLUMN id SET GENERATED BY DEFAULT;")
                        .expect(CHANGED, COLUMN, "customers.id").planContains("SET GENERATED ALWAYS"),
                named("serial column turned into identity").base(SHOP + "CREATE TABLE jobs (id serial PRIMARY KEY);")
                        .golden("""
                                ALTER TABLE jobs ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE jobs_id_seq;
                                ALTER TABLE jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;""")
                        .expect(CHANGED, COLUMN, "jobs.id").expect(EXTRA, SEQUENCE, "jobs_id_seq"),
                // PostgreSQL 17 changes a stored expression in place (docs/reconciliation-postgres.md)
                named("generated expression differs: drop and add")
                        .expect("changed table orders").base(SHOP)
                        .drift("ALTER TABLE orders DROP COLUMN total; ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price * 2) STORED;")
                        .expect(CHANGED, COLUMN, "orders.total")
                        .planContains(17, "DROP COLUMN total", "ALTER COLUMN total SET EXPRESSION AS"),
                named("generated column became plain").base(SHOP)
                        .drift("ALTER TABLE orders ALTER COLUMN total DROP EXPRESSION;")
                        .expect(CHANGED, COLUMN, "orders.total"),
                named("plain column that golden generates").base(SHOP)
                        .golden("ALTER TABLE orders ADD COLUMN doubled integer GENERATED ALWAYS AS (qty * 2) STORED;")
                        .drift("ALTER TABLE orders ADD COLUMN doubled integer;")
                        .expect(CHANGED, COLUMN, "orders.doubled"),
                named("collation differs").base(SHOP).drift("ALTER TABLE customers ALTER COLUMN name TYPE varchar(100) COLLATE \"C\";")
                        .expect(CHANGED, COLUMN, "customers.name"),
                named("column comment").base(SHOP).golden("COMMENT ON COLUMN orders.qty IS 'how many';")
                        .drift("COMMENT ON COLUMN orders.note IS 'free text';")
                        .expect(CHANGED, COLUMN, "orders.qty", COSMETIC).expect(CHANGED, COLUMN, "orders.note", COSMETIC),
                named("array column type").base(SHOP).golden("ALTER TABLE customers ADD COLUMN tags text[] NOT NULL DEFAULT '{}';")
                        .drift("ALTER TABLE customers ADD COLUMN tags text DEFAULT '{a}';")
                        .expect(CHANGED, COLUMN, "customers.tags")
        );
    }

    static Stream<PgScenario> constraints() {
        return Stream.of(
                named("missing primary key").base(SHOP).drift("ALTER TABLE settings DROP CONSTRAINT settings_pkey;")
                        .expect(MISSING, PRIMARY_KEY, "settings.settings_pkey"),
                named("primary key on other columns").base(SHOP + "CREATE TABLE pairs (a int NOT NULL, b int NOT NULL, CONSTRAINT pairs_pkey PRIMARY KEY (a));")
                        .golden("ALTER TABLE pairs DROP CONSTRAINT pairs_pkey; ALTER TABLE pairs ADD CONSTRAINT pairs_pkey PRIMARY KEY (a, b);")
                        .expect(CHANGED, PRIMARY_KEY, "pairs.pairs_pkey"),
                named("primary key a foreign key relies on changes").base(SHOP + """
                                CREATE TABLE kinds (code text NOT NULL, version int NOT NULL, CONSTRAINT kinds_pkey PRIMARY KEY (code));
                                CREATE TABLE things (kind text CONSTRAINT things_kind_fkey REFERENCES kinds (code));""")
                        .drift("""
                                ALTER TABLE things DROP CONSTRAINT things_kind_fkey; ALTER TABLE kinds DROP CONSTRAINT kinds_pkey;
                                ALTER TABLE kinds ADD CONSTRAINT kinds_pkey PRIMARY KEY (code, version);
                                ALTER TABLE kinds ADD CONSTRAINT kinds_code_key UNIQUE (code);
                                ALTER TABLE things ADD CONSTRAINT things_kind_fkey FOREIGN KEY (kind) REFERENCES kinds (code);""")
                        .expect(CHANGED, PRIMARY_KEY, "kinds.kinds_pkey").expect(EXTRA, UNIQUE_CONSTRAINT, "kinds.kinds_code_key"),
                named("unique constraint missing and extra").base(SHOP)
                        .drift("ALTER TABLE customers DROP CONSTRAINT customers_email_key; ALTER TABLE settings ADD CONSTRAINT settings_value_key UNIQUE (value);")
                        .expect(MISSING, UNIQUE_CONSTRAINT, "customers.customers_email_key")
                        .expect(EXTRA, UNIQUE_CONSTRAINT, "settings.settings_value_key", ADDITIVE),
                named("unique nulls not distinct, deferrable").base(SHOP)
                        .golden("ALTER TABLE orders ADD CONSTRAINT orders_no_key UNIQUE NULLS NOT DISTINCT (no) DEFERRABLE INITIALLY DEFERRED;")
                        .drift("ALTER TABLE orders ADD CONSTRAINT orders_no_key UNIQUE (no);")
                        .expect(CHANGED, UNIQUE_CONSTRAINT, "orders.orders_no_key"),
                named("check expression differs").base(SHOP)
                        .drift("ALTER TABLE orders DROP CONSTRAINT price_not_negative; ALTER TABLE orders ADD CONSTRAINT price_not_negative CHECK (price > -1);")
                        .expect(CHANGED, CHECK_CONSTRAINT, "orders.price_not_negative"),
                named("check missing, and one only the target has").base(SHOP)
                        .drift("ALTER TABLE orders DROP CONSTRAINT price_not_negative; ALTER TABLE customers ADD CONSTRAINT email_has_at CHECK (email LIKE '%@%');")
                        .expect(MISSING, CHECK_CONSTRAINT, "orders.price_not_negative")
                        .expect(EXTRA, CHECK_CONSTRAINT, "customers.email_has_at"),
                named("exclusion constraint").base(SHOP + "CREATE TABLE bookings (room int, during tsrange);")
                        .golden("ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);")
                        .expect(MISSING, EXCLUSION_CONSTRAINT, "bookings.no_overlap"),
                named("foreign key action differs").mode(PgScenario.Mode.DATABASE).base(SHOP)
                        .drift("ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey; ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT;")
                        .expect(CHANGED, FOREIGN_KEY, "orders.orders_customer_id_fkey")
                        .planContains("NOT VALID").planContains("VALIDATE CONSTRAINT orders_customer_id_fkey"),
                named("foreign key missing, deferrable and match full").base(SHOP + "CREATE TABLE refunds (order_id int, customer_id bigint);")
                        .golden("ALTER TABLE refunds ADD CONSTRAINT refunds_order FOREIGN KEY (order_id) REFERENCES orders (id) MATCH FULL ON UPDATE CASCADE DEFERRABLE;")
                        .expect(MISSING, FOREIGN_KEY, "refunds.refunds_order"),
                named("foreign key chain across three tables")
                        .expect("changed column b.a_id").base(SHOP + """
                                CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
                                CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b (id));""")
                        .drift("""
                                ALTER TABLE c DROP CONSTRAINT c_b_id_fkey; ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;
                                ALTER TABLE a ALTER COLUMN id TYPE smallint; ALTER TABLE b ALTER COLUMN a_id TYPE smallint;
                                ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id);""")
                        .expect(CHANGED, COLUMN, "a.id").expect(MISSING, FOREIGN_KEY, "c.c_b_id_fkey"),
                named("constraint comment").base(SHOP).golden("COMMENT ON CONSTRAINT price_not_negative ON orders IS 'no refunds here';")
                        .expect(CHANGED, CHECK_CONSTRAINT, "orders.price_not_negative", COSMETIC)
        );
    }

    static Stream<PgScenario> indexes() {
        return Stream.of(
                named("missing index").base(SHOP).drift("DROP INDEX orders_customer_idx;")
                        .expect(MISSING, INDEX, "orders.orders_customer_idx"),
                named("extra index").base(SHOP).drift("CREATE INDEX orders_note ON orders (note);")
                        .expect(EXTRA, INDEX, "orders.orders_note", ADDITIVE),
                named("index columns, uniqueness and predicate differ").base(SHOP)
                        .golden("CREATE UNIQUE INDEX settings_partial ON settings (key) WHERE value IS NOT NULL;")
                        .drift("CREATE INDEX settings_partial ON settings (key, value);")
                        .expect(CHANGED, INDEX, "settings.settings_partial"),
                named("expression index differs").base(SHOP)
                        .drift("DROP INDEX customers_lower_email; CREATE INDEX customers_lower_email ON customers (upper(email));")
                        .expect(CHANGED, INDEX, "customers.customers_lower_email"),
                named("index with include, desc nulls first, opclass, collation and storage").base(SHOP)
                        .golden("""
                                CREATE INDEX orders_cover ON orders (customer_id DESC NULLS LAST, note COLLATE "C" text_pattern_ops)
                                  INCLUDE (qty) WITH (fillfactor = 80);""")
                        .expect(MISSING, INDEX, "orders.orders_cover"),
                named("gin and hash indexes")
                        .expect("missing index settings.settings_key_hash").base(SHOP)
                        .golden("CREATE INDEX settings_value_gin ON settings USING gin (value); CREATE INDEX settings_key_hash ON settings USING hash (key);")
                        .expect(MISSING, INDEX, "settings.settings_value_gin"),
                named("index comment").base(SHOP).drift("COMMENT ON INDEX orders_customer_idx IS 'by buyer';")
                        .expect(CHANGED, INDEX, "orders.orders_customer_idx", COSMETIC)
        );
    }

    static Stream<PgScenario> views() {
        return Stream.of(
                named("view definition differs, replaced in place").base(SHOP)
                        .drift("CREATE OR REPLACE VIEW customer_orders AS SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.qty > 0;")
                        .expect(CHANGED, VIEW, "customer_orders").planContains("CREATE OR REPLACE VIEW"),
                named("view columns differ, dropped with the view on it and created again").base(SHOP + """
                                CREATE VIEW top_customers AS SELECT DISTINCT email FROM customer_orders;""")
                        .drift("""
                                DROP VIEW top_customers; DROP VIEW customer_orders;
                                CREATE VIEW customer_orders AS SELECT c.email, c.id FROM customers c;
                                CREATE VIEW top_customers AS SELECT DISTINCT email FROM customer_orders;""")
                        .expect(CHANGED, VIEW, "customer_orders").planContains("DROP VIEW @.top_customers"),
                named("missing and extra views").base(SHOP)
                        .golden("CREATE VIEW busy AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;")
                        .drift("CREATE VIEW quiet AS SELECT id FROM customers;")
                        .expect(MISSING, VIEW, "busy").expect(EXTRA, VIEW, "quiet", ADDITIVE),
                named("view options: security barrier and check option").base(SHOP)
                        .golden("CREATE VIEW cheap AS SELECT * FROM orders WHERE price < 10 WITH LOCAL CHECK OPTION; ALTER VIEW cheap SET (security_barrier = true);")
                        .drift("CREATE VIEW cheap AS SELECT * FROM orders WHERE price < 10;")
                        .expect(CHANGED, VIEW, "cheap"),
                named("missing materialized view with its index").base(SHOP)
                        .golden("CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id; CREATE UNIQUE INDEX order_totals_pk ON order_totals (customer_id);")
                        .expect(MISSING, MATERIALIZED_VIEW, "order_totals"),
                named("extra materialized view").base(SHOP)
                        .drift("CREATE MATERIALIZED VIEW cache AS SELECT id FROM customers;")
                        .expect(EXTRA, MATERIALIZED_VIEW, "cache", DESTRUCTIVE),
                named("materialized view definition differs, its index rebuilt").base(SHOP + """
                                CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
                                CREATE UNIQUE INDEX order_totals_pk ON order_totals (customer_id);""")
                        .drift("""
                                DROP MATERIALIZED VIEW order_totals;
                                CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, max(total) AS total FROM orders GROUP BY customer_id;
                                CREATE UNIQUE INDEX order_totals_pk ON order_totals (customer_id);""")
                        .expect(CHANGED, MATERIALIZED_VIEW, "order_totals"),
                named("view comment").base(SHOP).golden("COMMENT ON VIEW customer_orders IS 'joined';")
                        .expect(CHANGED, VIEW, "customer_orders", COSMETIC)
        );
    }

    static Stream<PgScenario> types() {
        return Stream.of(
                named("enum label added in place").base(SHOP).drift("""
                                ALTER TABLE customers ALTER COLUMN mood DROP DEFAULT; DROP VIEW customer_orders;
                                ALTER TABLE customers ALTER COLUMN mood TYPE text; DROP TYPE mood;
                                CREATE TYPE mood AS ENUM ('sad', 'happy'); UPDATE customers SET mood = 'happy';
                                ALTER TABLE customers ALTER COLUMN mood TYPE mood USING mood::mood;
                                ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'happy';
                                CREATE VIEW customer_orders AS
                                  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;""")
                        .golden("ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'happy'; UPDATE customers SET mood = 'happy';")
                        .expect(CHANGED, ENUM_TYPE, "mood").planContains("ADD VALUE 'ok' AFTER 'sad'"),
                named("enum label removed: type re-created, column converted, view rebuilt")
                        .expect("changed column public.customers.mood").mode(PgScenario.Mode.DATABASE).base(SHOP + """
                                CREATE VIEW moods AS SELECT id, mood FROM customers;""")
                        .golden("""
                                ALTER TABLE customers ALTER COLUMN mood DROP DEFAULT; DROP VIEW moods;
                                ALTER TABLE customers ALTER COLUMN mood TYPE text; DROP TYPE mood;
                                CREATE TYPE mood AS ENUM ('sad', 'happy');
                                UPDATE customers SET mood = 'happy';
                                ALTER TABLE customers ALTER COLUMN mood TYPE mood USING mood::mood;
                                ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'happy';
                                CREATE VIEW moods AS SELECT id, mood FROM customers;""")
                        .drift("UPDATE customers SET mood = 'sad';")
                        .expect(CHANGED, ENUM_TYPE, "mood").planContains("RENAME TO mood__driftd_old"),
                named("enum label added and used by a default in the same plan")
                        .expect("changed column customers.mood").base(SHOP)
                        .golden("ALTER TYPE mood ADD VALUE 'ecstatic'", "ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'ecstatic'")
                        .expect(CHANGED, ENUM_TYPE, "mood").planContains("RENAME TO mood__driftd_old"),
                named("enum labels reordered").base(SHOP)
                        .golden("""
                                ALTER TABLE customers ALTER COLUMN mood DROP DEFAULT; DROP VIEW customer_orders;
                                ALTER TABLE customers ALTER COLUMN mood TYPE text; DROP TYPE mood;
                                CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
                                ALTER TABLE customers ALTER COLUMN mood TYPE mood USING mood::mood;
                                ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'ok';
                                CREATE VIEW customer_orders AS
                                  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;""")
                        .expect(CHANGED, ENUM_TYPE, "mood"),
                named("missing and extra enums")
                        .expect("missing column settings.color",
                                "missing privilege type color to PUBLIC",
                                "extra privilege type size to PUBLIC").base(SHOP)
                        .golden("CREATE TYPE color AS ENUM ('red', 'green'); ALTER TABLE settings ADD COLUMN color color;")
                        .drift("CREATE TYPE size AS ENUM ('s', 'm');")
                        .expect(MISSING, ENUM_TYPE, "color").expect(EXTRA, ENUM_TYPE, "size"),
                named("domain check, default and not null differ").base(SHOP)
                        .golden("ALTER DOMAIN posint SET DEFAULT 1; ALTER DOMAIN posint ADD CONSTRAINT posint_small CHECK (VALUE < 1000000);")
                        .drift("ALTER DOMAIN posint SET NOT NULL;")
                        .expect(CHANGED, DOMAIN, "posint"),
                named("missing domain used by a missing column")
                        .expect("missing privilege type email to PUBLIC").base(SHOP)
                        .golden("CREATE DOMAIN email AS text COLLATE \"C\" CHECK (VALUE LIKE '%@%'); ALTER TABLE settings ADD COLUMN owner email;")
                        .expect(MISSING, DOMAIN, "email").expect(MISSING, COLUMN, "settings.owner"),
                named("composite type attributes differ").base(SHOP)
                        .golden("ALTER TYPE address ADD ATTRIBUTE city text, ALTER ATTRIBUTE zip TYPE varchar(12);")
                        .drift("ALTER TYPE address ADD ATTRIBUTE country text;")
                        .expect(CHANGED, COMPOSITE_TYPE, "address"),
                named("type comments")
                        .expect("changed composite type address").base(SHOP)
                        .golden("COMMENT ON TYPE mood IS 'feelings'; COMMENT ON DOMAIN posint IS 'positive'; COMMENT ON TYPE address IS 'where';")
                        .expect(CHANGED, ENUM_TYPE, "mood", COSMETIC).expect(CHANGED, DOMAIN, "posint", COSMETIC),
                named("missing extension used by a column").mode(PgScenario.Mode.DATABASE).base(SHOP)
                        .golden("CREATE EXTENSION citext; ALTER TABLE customers ADD COLUMN handle citext;")
                        .expect(MISSING, EXTENSION, "citext").expect(MISSING, COLUMN, "customers.handle"),
                named("extra extension").mode(PgScenario.Mode.DATABASE).base(SHOP).drift("CREATE EXTENSION hstore;")
                        .expect(EXTRA, EXTENSION, "hstore")
        );
    }

    static Stream<PgScenario> sequences() {
        return Stream.of(
                named("sequence options differ").base(SHOP)
                        .drift("ALTER SEQUENCE order_no INCREMENT BY 5 CACHE 10 CYCLE MAXVALUE 999999;")
                        .expect(CHANGED, SEQUENCE, "order_no"),
                named("sequence type differs").base(SHOP).drift("ALTER SEQUENCE order_no AS integer;")
                        .expect(CHANGED, SEQUENCE, "order_no"),
                named("missing and extra sequences").base(SHOP)
                        .golden("CREATE SEQUENCE invoice_no START 7 INCREMENT 2;")
                        .drift("CREATE SEQUENCE junk_seq;")
                        .expect(MISSING, SEQUENCE, "invoice_no").expect(EXTRA, SEQUENCE, "junk_seq"),
                named("sequence owned by a column").base(SHOP)
                        .golden("ALTER SEQUENCE order_no OWNED BY orders.no;")
                        .expect(CHANGED, SEQUENCE, "order_no"),
                named("sequence comment").base(SHOP).drift("COMMENT ON SEQUENCE order_no IS 'numbers';")
                        .expect(CHANGED, SEQUENCE, "order_no", COSMETIC)
        );
    }

    static Stream<PgScenario> routines() {
        return Stream.of(
                named("function body differs").base(SHOP)
                        .drift("CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;")
                        .expect(CHANGED, FUNCTION, "touch()"),
                named("function result type differs: dropped with the view using it and created again").mode(PgScenario.Mode.DATABASE).base(SHOP + """
                                CREATE FUNCTION price_of(o orders) RETURNS numeric LANGUAGE sql AS $$ SELECT o.price $$;
                                CREATE VIEW priced AS SELECT o.id, price_of(o) AS p FROM orders o;""")
                        .drift("""
                                DROP VIEW priced; DROP FUNCTION price_of(orders);
                                CREATE FUNCTION price_of(o orders) RETURNS text LANGUAGE sql AS $$ SELECT o.price::text $$;
                                CREATE VIEW priced AS SELECT o.id, price_of(o) AS p FROM orders o;""")
                        .expect(CHANGED, FUNCTION, "price_of(o public.orders)").planContains("DROP FUNCTION @.price_of")
                        .planContains("DROP VIEW @.priced"),
                named("trigger moved to another function")
                        .expect("extra privilege function touch() to PUBLIC").base(SHOP + """
                                CREATE FUNCTION touch2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;""")
                        .golden("DROP TRIGGER orders_touch ON orders; CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch2(); DROP FUNCTION touch();")
                        .expect(CHANGED, TRIGGER, "orders.orders_touch").expect(EXTRA, FUNCTION, "touch()"),
                named("trigger function re-created under its trigger").base(SHOP)
                        .drift("""
                                DROP TRIGGER orders_touch ON orders; DROP FUNCTION touch();
                                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;
                                CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();""")
                        .expect(CHANGED, FUNCTION, "touch()"),
                named("function used by a check and a default changes signature").base(SHOP + """
                                CREATE FUNCTION valid_note(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(t) < 100 $$;
                                CREATE FUNCTION default_note() RETURNS text LANGUAGE sql AS $$ SELECT 'hello' $$;
                                ALTER TABLE orders ADD CONSTRAINT note_ok CHECK (valid_note(note));
                                ALTER TABLE orders ALTER COLUMN note SET DEFAULT default_note();""")
                        .drift("""
                                ALTER TABLE orders ALTER COLUMN note DROP DEFAULT; DROP FUNCTION default_note();
                                CREATE FUNCTION default_note() RETURNS varchar LANGUAGE sql AS $$ SELECT 'hello' $$;
                                ALTER TABLE orders ALTER COLUMN note SET DEFAULT default_note();""")
                        .expect(CHANGED, FUNCTION, "default_note()"),
                named("missing and extra functions, overloads")
                        .expect("extra privilege function add(a integer, b integer, c integer) to PUBLIC",
                                "missing privilege function add(a numeric, b numeric) to PUBLIC").base(SHOP + "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;")
                        .golden("CREATE FUNCTION add(a numeric, b numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT a + b $$;")
                        .drift("CREATE FUNCTION add(a int, b int, c int) RETURNS int LANGUAGE sql AS $$ SELECT a + b + c $$;")
                        .expect(MISSING, FUNCTION, "add(a numeric, b numeric)").expect(EXTRA, FUNCTION, "add(a integer, b integer, c integer)"),
                named("procedure missing and changed").base(SHOP + "CREATE PROCEDURE cleanup() LANGUAGE sql AS $$ DELETE FROM settings WHERE value IS NULL $$;")
                        .golden("CREATE PROCEDURE archive(days int) LANGUAGE plpgsql AS $$ BEGIN PERFORM days; END $$;")
                        .drift("CREATE OR REPLACE PROCEDURE cleanup() LANGUAGE sql AS $$ DELETE FROM settings $$;")
                        .expect(MISSING, PROCEDURE, "archive(IN days integer)").expect(CHANGED, PROCEDURE, "cleanup()")
                        .expect("missing privilege procedure archive(IN days integer) to PUBLIC"),
                named("function comment").base(SHOP).golden("COMMENT ON FUNCTION touch() IS 'fills the note';")
                        .expect(CHANGED, FUNCTION, "touch()", COSMETIC)
        );
    }

    static Stream<PgScenario> triggersAndPolicies() {
        return Stream.of(
                named("missing trigger").base(SHOP).drift("DROP TRIGGER orders_touch ON orders;")
                        .expect(MISSING, TRIGGER, "orders.orders_touch"),
                named("extra trigger").base(SHOP).drift("CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch();")
                        .expect(EXTRA, TRIGGER, "customers.customers_touch"),
                named("trigger timing differs and a when clause on a retyped column").base(SHOP)
                        .golden("DROP TRIGGER orders_touch ON orders; CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW WHEN (NEW.note IS NULL) EXECUTE FUNCTION touch();")
                        .drift("ALTER TABLE orders ALTER COLUMN note TYPE varchar(500); DROP TRIGGER orders_touch ON orders; CREATE TRIGGER orders_touch AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();")
                        .expect(CHANGED, TRIGGER, "orders.orders_touch").expect(CHANGED, COLUMN, "orders.note"),
                named("trigger disabled").base(SHOP).drift("ALTER TABLE orders DISABLE TRIGGER orders_touch;")
                        .expect(CHANGED, TRIGGER, "orders.orders_touch"),
                named("row-level security enabled and forced with policies")
                        .expect("missing policy orders.no_big").base(SHOP)
                        .golden("""
                                ALTER TABLE orders ENABLE ROW LEVEL SECURITY; ALTER TABLE orders FORCE ROW LEVEL SECURITY;
                                CREATE POLICY own_orders ON orders FOR SELECT TO PUBLIC USING (customer_id > 0);
                                CREATE POLICY no_big ON orders AS RESTRICTIVE FOR INSERT WITH CHECK (qty < 100);""")
                        .expect(CHANGED, TABLE, "orders").expect(MISSING, POLICY, "orders.own_orders"),
                named("policy expression differs, extra policy").base(SHOP + """
                                ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                                CREATE POLICY own_orders ON orders USING (customer_id > 0);""")
                        .drift("""
                                DROP POLICY own_orders ON orders; CREATE POLICY own_orders ON orders USING (customer_id > 1);
                                CREATE POLICY extra_one ON orders FOR DELETE USING (false);""")
                        .expect(CHANGED, POLICY, "orders.own_orders").expect(EXTRA, POLICY, "orders.extra_one"),
                named("policy on a column whose type changes")
                        .expect("changed policy settings.visible").base(SHOP + """
                                ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
                                CREATE POLICY visible ON settings USING (key <> 'secret');""")
                        .drift("""
                                DROP POLICY visible ON settings; ALTER TABLE settings ALTER COLUMN key TYPE varchar(64);
                                CREATE POLICY visible ON settings USING (key::text <> 'secret');""")
                        .expect(CHANGED, COLUMN, "settings.key"),
                named("trigger and policy comments")
                        .expect("changed policy orders.p").base(SHOP + "ALTER TABLE orders ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON orders USING (true);")
                        .golden("COMMENT ON TRIGGER orders_touch ON orders IS 'fills'; COMMENT ON POLICY p ON orders IS 'all';")
                        .expect(CHANGED, TRIGGER, "orders.orders_touch", COSMETIC)
        );
    }

    static final String EVENTS = """
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX events_kind ON events (kind);
            INSERT INTO events VALUES (1, '2025-05-05', 'a');
            """;

    static Stream<PgScenario> partitions() {
        return Stream.of(
                named("missing partition").base(EVENTS).drift("DROP TABLE events_2026;")
                        .expect(MISSING, TABLE, "events_2026"),
                named("extra partition").base(EVENTS).drift("CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');")
                        .expect(EXTRA, TABLE, "events_2027", DESTRUCTIVE),
                named("partition bound differs").base(EVENTS)
                        .drift("ALTER TABLE events DETACH PARTITION events_2026; ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');")
                        .expect(CHANGED, TABLE, "events_2026").planContains("ATTACH PARTITION"),
                named("missing partitioned table with partitions, default partition and index")
                        .expect("missing table public.events_2025",
                                "missing table public.events_2026").mode(PgScenario.Mode.DATABASE).base(SHOP)
                        .golden(EVENTS + "CREATE TABLE events_other PARTITION OF events DEFAULT;")
                        .expect(MISSING, TABLE, "events").expect(MISSING, TABLE, "events_other"),
                named("plain table that golden partitions is re-created")
                        .expect("missing table metrics_all").base(SHOP)
                        .golden("CREATE TABLE metrics (at date NOT NULL, v int) PARTITION BY RANGE (at); CREATE TABLE metrics_all PARTITION OF metrics FOR VALUES FROM (MINVALUE) TO (MAXVALUE);")
                        .drift("CREATE TABLE metrics (at date NOT NULL, v int);")
                        .expect(CHANGED, TABLE, "metrics"),
                named("column missing from and extra on a partitioned table")
                        .expect("extra column events_2025.debug",
                                "missing column events_2025.source",
                                "extra column events_2026.debug",
                                "missing column events_2026.source").base(EVENTS)
                        .golden("ALTER TABLE events ADD COLUMN source text DEFAULT 'web';")
                        .drift("ALTER TABLE events ADD COLUMN debug boolean;")
                        .expect(MISSING, COLUMN, "events.source").expect(EXTRA, COLUMN, "events.debug"),
                named("column type change on a partitioned table")
                        .expect("changed column events_2025.kind",
                                "changed column events_2026.kind").base(EVENTS)
                        .drift("ALTER TABLE events ALTER COLUMN kind TYPE varchar(10);")
                        .expect(CHANGED, COLUMN, "events.kind"),
                named("sub-partitioned list partitions")
                        .expect("missing table sales_eu_2025").base(SHOP)
                        .golden("""
                                CREATE TABLE sales (region text NOT NULL, at date NOT NULL, amount numeric) PARTITION BY LIST (region);
                                CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (at);
                                CREATE TABLE sales_eu_2025 PARTITION OF sales_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');""")
                        .drift("CREATE TABLE sales (region text NOT NULL, at date NOT NULL, amount numeric) PARTITION BY LIST (region);")
                        .expect(MISSING, TABLE, "sales_eu")
        );
    }

    static Stream<PgScenario> scopes() {
        String twoSchemas = """
                CREATE SCHEMA billing; CREATE SCHEMA crm;
                CREATE TABLE crm.accounts (id int PRIMARY KEY, name text);
                CREATE TABLE billing.invoices (id int PRIMARY KEY, account_id int REFERENCES crm.accounts (id), amount numeric);
                CREATE VIEW billing.account_totals AS SELECT a.name, sum(i.amount) AS total
                  FROM crm.accounts a JOIN billing.invoices i ON i.account_id = a.id GROUP BY a.name;
                """;
        return Stream.of(
                named("two schemas, cross-schema foreign key and view, column type change").mode(PgScenario.Mode.DATABASE).base(twoSchemas)
                        .drift("""
                                DROP VIEW billing.account_totals; ALTER TABLE billing.invoices DROP CONSTRAINT invoices_account_id_fkey;
                                ALTER TABLE crm.accounts ALTER COLUMN id TYPE bigint;
                                CREATE VIEW billing.account_totals AS SELECT a.name, sum(i.amount) AS total
                                  FROM crm.accounts a JOIN billing.invoices i ON i.account_id = a.id GROUP BY a.name;""")
                        .expect(CHANGED, COLUMN, "crm.accounts.id").expect(MISSING, FOREIGN_KEY, "billing.invoices.invoices_account_id_fkey")
                        .viaPsql(),
                named("missing schema with its objects")
                        .expect("missing schema billing",
                                "missing table crm.accounts",
                                "missing view billing.account_totals").mode(PgScenario.Mode.DATABASE).base(SHOP)
                        .golden(twoSchemas + "COMMENT ON SCHEMA crm IS 'customers';")
                        .expect(MISSING, SCHEMA, "crm").expect(MISSING, TABLE, "billing.invoices"),
                named("extra schema")
                        .expect("extra enum type junk.x",
                                "extra privilege junk.type x to PUBLIC").mode(PgScenario.Mode.DATABASE).base(SHOP).drift("CREATE SCHEMA junk; CREATE TYPE junk.x AS ENUM ('a');")
                        .expect(EXTRA, SCHEMA, "junk"),
                named("single schema scope").base(SHOP).mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .drift("ALTER TABLE customers ADD COLUMN extra int; DROP INDEX orders_customer_idx;")
                        .expect(EXTRA, COLUMN, "customers.extra").expect(MISSING, INDEX, "orders.orders_customer_idx"),
                named("tenant schemas: many kinds of drift, names mapped, run with psql")
                        .expect("changed domain posint",
                                "changed table customers",
                                "extra index customers.customers_extra").base(SHOP).mode(PgScenario.Mode.TENANT)
                        .drift("""
                                ALTER TABLE customers ALTER COLUMN name TYPE varchar(20);
                                DROP INDEX customers_lower_email; CREATE INDEX customers_extra ON customers (name);
                                DROP TRIGGER orders_touch ON orders;
                                ALTER DOMAIN posint DROP CONSTRAINT posint_check;
                                ALTER TYPE mood ADD VALUE 'angry';
                                COMMENT ON TABLE customers IS NULL;""")
                        .expect(CHANGED, COLUMN, "customers.name").expect(MISSING, INDEX, "customers.customers_lower_email")
                        .expect(MISSING, TRIGGER, "orders.orders_touch").expect(CHANGED, ENUM_TYPE, "mood")
                        .planContains("tenant_0042.customers").viaPsql(),
                named("tenant schemas: enum with a removed label and a view").base(SHOP).mode(PgScenario.Mode.TENANT)
                        .drift("ALTER TYPE mood ADD VALUE 'meh'; CREATE VIEW v_moods AS SELECT mood FROM customers;")
                        .expect(CHANGED, ENUM_TYPE, "mood").expect(EXTRA, VIEW, "v_moods"),
                named("tenant schemas: function, trigger, policy and partitions")
                        .expect("changed table settings",
                                "missing policy settings.mine",
                                "missing privilege function stamp() to PUBLIC").base(SHOP + EVENTS).mode(PgScenario.Mode.TENANT)
                        .golden("""
                                CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.kind := 'x'; RETURN NEW; END $$;
                                CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp();
                                ALTER TABLE settings ENABLE ROW LEVEL SECURITY; CREATE POLICY mine ON settings USING (key LIKE 'me%');
                                CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');""")
                        .expect(MISSING, FUNCTION, "stamp()").expect(MISSING, TRIGGER, "events.events_stamp")
                        .expect(MISSING, TABLE, "events_2027").viaPsql()
        );
    }

    /**
     * Scenarios spend their time waiting on the server (CREATE DATABASE, pg_dump), so they are all
     * started on a small pool up front; each parameterized case then reports its own outcome.
     */
    @BeforeAll
    static void startAll() {
        pool = Executors.newFixedThreadPool(THREADS);
        scenarios().forEach(s -> RUNS.put(s.name, CompletableFuture.runAsync(() -> HARNESS.run(s, true), pool)));
    }

    @AfterAll
    static void stopAll() {
        pool.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesAndDumpsEqual(PgScenario scenario) throws Throwable {
        try {
            RUNS.get(scenario.name).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Test
    void scenarioNamesAreUniqueAndTheSuiteIsLargeEnough() {
        List<String> names = scenarios().map(s -> s.name).toList();
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(60);
    }
}
