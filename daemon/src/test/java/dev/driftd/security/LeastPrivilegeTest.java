package dev.driftd.security;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sweeping roles of docs/security.md: with exactly the grants documented there, a sweep sees
 * the same snapshot (fingerprint) as a superuser does, while the role cannot read a row of data.
 * On MariaDB, where a user sees only objects it holds some privilege on, each documented grant is
 * also shown to be needed: without it the snapshot is incomplete (and so would report false drift
 * or hide real drift). Schemas hold every kind the inspectors read: tables, columns, keys, checks,
 * indexes, views, routines, triggers, events; on PostgreSQL also policies, privileges of another
 * role, sequences, enums, domains and comments.
 */
class LeastPrivilegeTest {
    private static final InspectOptions OPTIONS = new InspectOptions(Duration.ofSeconds(30));
    private final Engine engine = new Engine();

    @Test
    void postgresSweepingRoleNeedsOnlyConnect() throws SQLException {
        TestServer pg = TestDatabases.postgres();
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String sweeper = "h_secrets_sweep_" + suffix;
        String other = "h_secrets_other_" + suffix;
        try (TestDatabase db = pg.createDatabase("hsecretslp")) {
            db.execute("CREATE ROLE " + other + " NOLOGIN",
                    "CREATE ROLE " + sweeper + " LOGIN",
                    // only CONNECT: nothing from PUBLIC, no schema usage, no table access
                    "REVOKE ALL ON DATABASE " + db.name() + " FROM PUBLIC",
                    "GRANT CONNECT, TEMPORARY ON DATABASE " + db.name() + " TO " + sweeper,
                    "CREATE SCHEMA app",
                    "CREATE TYPE app.mood AS ENUM ('ok', 'sad')",
                    "CREATE DOMAIN app.pos AS int CHECK (VALUE >= 0)",
                    "CREATE SEQUENCE app.counter START 10",
                    "CREATE TABLE app.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                            + "email text NOT NULL UNIQUE, mood app.mood DEFAULT 'ok', score app.pos, note text)",
                    "CREATE TABLE app.orders (id serial PRIMARY KEY, customer_id bigint REFERENCES app.customers (id), "
                            + "total int CHECK (total >= 0), tenant text DEFAULT current_user)",
                    "CREATE INDEX orders_big ON app.orders (total) WHERE total > 100",
                    // deparsed as an array cast that reads back otherwise: brought to its fixpoint in temporary
                    // objects, which needs TEMPORARY on the database
                    "CREATE TABLE app.kinds (kind varchar(20) NOT NULL CONSTRAINT kind_ok CHECK (kind IN ('lp_artist', 'lp_label', 'lp_other')))",
                    "CREATE VIEW app.big_orders AS SELECT id, total FROM app.orders WHERE total > 100",
                    "CREATE MATERIALIZED VIEW app.totals AS SELECT customer_id, sum(total) AS s FROM app.orders GROUP BY customer_id",
                    "CREATE FUNCTION app.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'",
                    "CREATE FUNCTION app.guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS "
                            + "$$ BEGIN NEW.total := greatest(NEW.total, 0); RETURN NEW; END $$",
                    "REVOKE ALL ON FUNCTION app.guard() FROM PUBLIC",
                    "CREATE TRIGGER orders_guard BEFORE INSERT ON app.orders FOR EACH ROW WHEN (NEW.total < 0) "
                            + "EXECUTE FUNCTION app.guard()",
                    "ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY tenant_only ON app.orders USING (tenant = current_user)",
                    "GRANT USAGE ON SCHEMA app TO " + other,
                    "GRANT SELECT ON app.orders TO " + other,
                    "GRANT SELECT (email) ON app.customers TO " + other,
                    "COMMENT ON TABLE app.customers IS 'people'",
                    "COMMENT ON COLUMN app.customers.email IS 'login'",
                    "INSERT INTO app.customers (email, note) VALUES ('a@example.org', 'private')");
            try {
                // the sweeper reads first: fixpoints are cached per process, by text, whoever computed them
                String sweeperUrl = db.url().replace("user=" + pg.user(), "user=" + sweeper);
                Snapshot swept = engine.snapshot(DbTarget.of(sweeperUrl), OPTIONS);
                Snapshot superuser = engine.snapshot(db.target(), OPTIONS);
                assertThat(swept.objects()).isEqualTo(superuser.objects());
                assertThat(swept.fingerprint()).isEqualTo(superuser.fingerprint());
                assertThat(superuser.objects().toString()).contains("tenant_only", "guard", "orders_guard", "people");
                // and it cannot read data
                try (Connection c = DriverManager.getConnection(sweeperUrl, new Properties());
                     Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeQuery("SELECT note FROM app.customers"))
                            .hasMessageContaining("permission denied");
                }
            } finally {
                db.execute("DROP OWNED BY " + other + ", " + sweeper);
                try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
                    s.execute("DROP ROLE IF EXISTS " + sweeper + ", " + other);
                }
            }
        }
    }

    /** MariaDB 10.11: the grants of docs/security.md, each one needed, together complete. */
    @Test
    void mariadbSweepingRoleSeesEverythingWithTheDocumentedGrantsAndNotWithoutEach() throws SQLException {
        TestServer my = TestDatabases.mysql();
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String sweeper = "h_secrets_sw_" + suffix;
        String password = "Sw-" + suffix + "-pw";
        try (TestDatabase db = my.createDatabase("hsecretslp")) {
            db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(200) NOT NULL, "
                            + "score int CHECK (score >= 0), UNIQUE KEY customers_email (email)) ENGINE=InnoDB",
                    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total int NOT NULL, "
                            + "KEY oc (customer_id), CONSTRAINT ofk FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB",
                    "CREATE TABLE logs (id int PRIMARY KEY, n int) PARTITION BY RANGE (id) "
                            + "(PARTITION p0 VALUES LESS THAN (100), PARTITION p1 VALUES LESS THAN MAXVALUE)",
                    "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                    "CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = GREATEST(NEW.total, 0)",
                    "CREATE PROCEDURE bump(IN p_id bigint) BEGIN UPDATE customers SET score = score + 1 WHERE id = p_id; END",
                    "CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2",
                    "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM logs WHERE id < 0",
                    "INSERT INTO customers VALUES (1, 'a@example.org', 3)");
            String user = "'" + sweeper + "'@'%'";
            String q = "`" + db.name() + "`";
            List<String> grants = List.of(
                    "GRANT SHOW VIEW ON " + q + ".* TO " + user,
                    "GRANT REFERENCES ON " + q + ".* TO " + user,
                    "GRANT TRIGGER ON " + q + ".* TO " + user,
                    "GRANT EVENT ON " + q + ".* TO " + user,
                    "GRANT SELECT ON " + q + ".big_orders TO " + user,
                    "GRANT SELECT ON mysql.proc TO " + user);
            try {
                Snapshot superuser = engine.snapshot(db.target(), OPTIONS);
                String sweeperUrl = db.url().replace("user=" + my.user(), "user=" + sweeper)
                        .replaceAll("&password=[^&]*", "");
                DbTarget sweeping = new DbTarget(sweeperUrl, null, password, null);

                createUser(db, user, password, grants);
                Snapshot swept = engine.snapshot(sweeping, OPTIONS);
                assertThat(swept.objects()).isEqualTo(superuser.objects());
                assertThat(swept.fingerprint()).isEqualTo(superuser.fingerprint());
                assertThat(superuser.objects().toString()).contains("nightly", "orders_bi", "bump", "big_orders");
                Properties props = new Properties();
                props.setProperty("password", password);
                try (Connection c = DriverManager.getConnection(sweeperUrl, props); Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeQuery("SELECT email FROM customers"))
                            .hasMessageContaining("denied");
                }

                for (String left : grants) {
                    createUser(db, user, password, grants.stream().filter(g -> !g.equals(left)).toList());
                    assertThat(engine.snapshot(sweeping, OPTIONS).fingerprint()).as("without: " + left)
                            .isNotEqualTo(superuser.fingerprint());
                }
            } finally {
                db.execute("DROP USER IF EXISTS " + user);
            }
        }
    }

    private static void createUser(TestDatabase db, String user, String password, List<String> grants) {
        db.execute("DROP USER IF EXISTS " + user, "CREATE USER " + user + " IDENTIFIED BY '" + password + "'");
        db.execute(grants.toArray(String[]::new));
    }
}
