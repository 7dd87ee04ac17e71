package dev.driftd.dialect.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

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
        return Stream.of(
                named("missing table with its key, index, check, foreign key and comment").base(SHOP)
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
                named("missing column").base(SHOP).drift("ALTER TABLE orders DROP COLUMN note CASCADE;")
                        .golden("")
                        .expect(MISSING, COLUMN, "orders.note"),
                named("extra column").base(SHOP).drift("ALTER TABLE customers ADD COLUMN nickname text;")
                        .expect(EXTRA, COLUMN, "customers.nickname", DESTRUCTIVE),
                named("column type change under a view on a view").base(SHOP + """
                                CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;""")
                        .drift("""
                                DROP VIEW big_orders; DROP VIEW customer_orders;
                                ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
                                CREATE VIEW customer_orders AS
                                  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
                                CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;""")
                        .expect(CHANGED, COLUMN, "customers.email", BREAKING)
                        .planContains("DROP VIEW public.big_orders")
                        .viaPsql()
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesAndDumpsEqual(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
