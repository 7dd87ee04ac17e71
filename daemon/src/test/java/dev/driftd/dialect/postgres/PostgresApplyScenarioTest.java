package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Applying plans: destructive statements held back, all-or-nothing rollback, lock timeout, psql scripts. */
class PostgresApplyScenarioTest {
    private final Engine engine = new Engine();
    private final PgScenarioHarness harness = new PgScenarioHarness();

    @Test
    void withoutAllowDestructiveTheScriptCommentsDropsOutAndTheTargetKeepsItsExtraColumn() throws SQLException {
        PgScenario s = PgScenario.named("extra column kept").base(PostgresScenarioTest.SHOP)
                .drift("ALTER TABLE customers ADD COLUMN nickname text; UPDATE customers SET nickname = 'n';",
                        "DROP INDEX orders_customer_idx")
                .expect(ChangeType.EXTRA, ObjectKind.COLUMN, "customers.nickname")
                .expect(ChangeType.MISSING, ObjectKind.INDEX, "orders.orders_customer_idx")
                .viaPsql();
        PgScenarioHarness.Outcome out = harness.run(s, false);
        assertThat(out.script()).contains("-- skipped, destructive:\n-- ALTER TABLE tenant_0042.customers DROP COLUMN nickname;")
                .contains("\nCREATE INDEX orders_customer_idx ON tenant_0042.orders (customer_id);");
        Diff left = engine.diff(out.golden(), out.targetAfter());
        assertThat(left.driftChanges()).singleElement().satisfies(c -> {
            assertThat(c.key().display()).isEqualTo("column customers.nickname");
            assertThat(c.type()).isEqualTo(ChangeType.EXTRA);
        });
    }

    @Test
    void aFailingStatementRollsBackTheWholePlanAndIsNamed() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drift_apply")) {
            db.execute("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (NULL)");
            Plan plan = new Plan(Flavor.POSTGRES, "g", "t", true, List.of("SET lock_timeout = '10s'"), List.of(
                    PlanStatement.of("CREATE TABLE created_by_plan (x int)", "first"),
                    PlanStatement.of("ALTER TABLE t ALTER COLUMN a SET NOT NULL", "fails on the NULL row")), List.of());
            assertThatThrownBy(() -> engine.apply(db.target(), plan, true, InspectOptions.DEFAULT))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("rolled back")
                    .hasMessageContaining("ALTER TABLE t ALTER COLUMN a SET NOT NULL");
            assertThat(count(db, "SELECT count(*) FROM pg_class WHERE relname = 'created_by_plan'")).isZero();
        }
    }

    @Test
    void aLockHeldElsewhereMakesTheApplyGiveUpAtTheLockTimeoutLeavingTheTargetUntouched() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drift_lock")) {
            db.execute("CREATE TABLE t (a int)");
            Snapshot target = engine.snapshot(db.target(), InspectOptions.DEFAULT);
            db.execute("ALTER TABLE t ADD COLUMN b int");
            Snapshot golden = engine.snapshot(db.target(), InspectOptions.DEFAULT);
            db.execute("ALTER TABLE t DROP COLUMN b");
            Plan plan = engine.plan(engine.diff(golden, target), golden, target, new PlanOptions(Duration.ofMillis(300)));
            assertThat(plan.preamble()).contains("SET lock_timeout = '300ms'");
            try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
                holder.setAutoCommit(false);
                st.execute("LOCK TABLE t IN ACCESS SHARE MODE");
                long start = System.nanoTime();
                assertThatThrownBy(() -> engine.apply(db.target(), plan, true, InspectOptions.DEFAULT))
                        .hasMessageContaining("lock timeout").hasMessageContaining("ADD COLUMN b");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                holder.rollback();
            }
            assertThat(engine.snapshot(db.target(), InspectOptions.DEFAULT).fingerprint()).isEqualTo(target.fingerprint());
        }
    }

    @Test
    void applierRefusesAPlanWithANonTransactionalStatement() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drift_nontx");
             Connection c = db.connect()) {
            Plan plan = new Plan(Flavor.POSTGRES, "g", "t", true, List.of(), List.of(new PlanStatement(
                    "CREATE INDEX CONCURRENTLY i ON t (a)", Set.of(dev.driftd.plan.Hazard.NOT_TRANSACTIONAL), false,
                    "by hand", false)), List.of());
            assertThatThrownBy(() -> new PostgresApplier(c).apply(plan, true))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot run in a transaction");
        }
    }

    @Test
    void aPlanForATenantSchemaRunsWithPsqlAndDoesNotTouchTheGoldenSchema() {
        PgScenario s = PgScenario.named("psql tenant")
                        .expect("missing column orders.total",
                                "missing view customer_orders").base(PostgresScenarioTest.SHOP).mode(PgScenario.Mode.TENANT)
                .drift("DROP VIEW customer_orders; ALTER TABLE orders DROP COLUMN qty CASCADE;")
                .expect(ChangeType.MISSING, ObjectKind.COLUMN, "orders.qty")
                .viaPsql();
        PgScenarioHarness.Outcome out = harness.run(s, true);
        assertThat(out.script()).contains("SET search_path = " + PgScenarioHarness.TARGET_TENANT)
                .doesNotContain(PgScenarioHarness.GOLDEN_TENANT);
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
