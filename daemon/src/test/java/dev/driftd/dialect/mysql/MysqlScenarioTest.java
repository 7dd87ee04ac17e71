package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.ScenarioFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The drift scenario suite on the project's MySQL-family test server (the local MariaDB 10.11
 * here): each scenario drifts a target, plans, applies with destructive statements allowed, and
 * must converge to golden's fingerprint and golden's mysqldump.
 */
class MysqlScenarioTest {
    private static ScenarioServer server;
    private static ScenarioHarness harness;

    @BeforeAll
    static void server() {
        server = ScenarioServer.project();
        assumeTrue(server != null, "no MySQL-family server for tests");
        harness = new ScenarioHarness(server);
    }

    @AfterAll
    static void dropGoldens() {
        if (harness != null) {
            harness.close();
        }
    }

    static Flavor flavor() {
        ScenarioServer s = ScenarioServer.project();
        if (s == null) {
            return Flavor.MARIADB;
        }
        try (Connection c = s.connect("mysql"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1).toLowerCase().contains("mariadb") ? Flavor.MARIADB : Flavor.MYSQL;
        } catch (Exception e) {
            return Flavor.MARIADB;
        }
    }

    static Stream<Arguments> scenarios() {
        return DriftScenarios.forFlavor(flavor()).stream().map(s -> Arguments.of(Named.of(s.name(), s)));
    }

    /** Every scenario folder: expected changes, expected plan, convergence by fingerprint and by dump. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesOverJdbc(DriftScenario scenario) {
        DriftScenarios.assertPlan(scenario, flavor(), harness.run(scenario, false));
    }

    static Stream<Arguments> clientScenarios() {
        return DriftScenarios.forFlavor(flavor()).stream().filter(DriftScenario::throughClientToo)
                .map(s -> Arguments.of(Named.of(s.name(), s)));
    }

    /** The rendered script, DELIMITER blocks and all, run by the mysql client as a person would (mysql-client=true). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clientScenarios")
    void convergesThroughTheMysqlClient(DriftScenario scenario) {
        harness.run(scenario, true);
    }

    /** At least as many scenarios as the catalogue had when it moved out of Java into folders. */
    @Test
    void everyScenarioFolderIsFound() {
        List<DriftScenario> all = DriftScenarios.all();
        System.out.println("MySQL-family scenarios: " + all.size() + " in " + ScenarioFolders.root(DriftScenarios.DIALECT));
        assertThat(all).hasSizeGreaterThanOrEqualTo(126);
        assertThat(DriftScenarios.forFlavor(Flavor.MARIADB)).hasSizeGreaterThanOrEqualTo(125);
        assertThat(DriftScenarios.forFlavor(Flavor.MYSQL)).hasSizeGreaterThanOrEqualTo(103);
        assertThat(all.stream().filter(DriftScenario::throughClientToo)).hasSizeGreaterThanOrEqualTo(7);
        assertThat(all).allSatisfy(s -> assertThat(s.golden().size() + s.target().size())
                .as("golden.sql and target.sql of %s", s.name()).isPositive());
    }

    @Test
    void destructiveStatementsStayCommentedOutUnlessAllowed() {
        DriftScenario s = DriftScenarios.named("kitchen_sink");
        try (ScenarioHarness.Pair p = harness.open(s)) {
            Snapshot golden = p.goldenSnapshot();
            Plan plan = ScenarioHarness.plan(golden, p.targetSnapshot());
            String script = SqlScript.render(plan, false);
            assertThat(script).contains("-- skipped, destructive:", "-- DROP TABLE `junk`;",
                    "-- ALTER TABLE `customers`\n--   DROP COLUMN `legacy`");
            new Engine().apply(DbTarget.of(p.targetUrl()), plan, false, InspectOptions.DEFAULT);
            Snapshot after = p.targetSnapshot();
            // the data-holding extras survive, everything else converged
            assertThat(after.contains(ObjectKey.part(ObjectKind.COLUMN, "", "customers", "legacy"))).isTrue();
            assertThat(after.contains(ObjectKey.of(ObjectKind.TABLE, "", "junk"))).isTrue();
            assertThat(ScenarioHarness.changeNames(Differ.compare(golden, after)))
                    .containsExactlyInAnyOrder("extra column customers.legacy", "extra table junk");
            // and allowing them afterwards finishes the job
            Plan rest = ScenarioHarness.plan(golden, after);
            assertThat(rest.statements()).allMatch(PlanStatement::destructive);
            new Engine().apply(DbTarget.of(p.targetUrl()), rest, true, InspectOptions.DEFAULT);
            harness.assertConverged(p, golden, SqlScript.render(rest, true));
        }
    }

    @Test
    void extraColumnKeepsItsDataWhenDestructiveIsNotAllowed() throws Exception {
        DriftScenario s = DriftScenarios.named("extra_column");
        try (ScenarioHarness.Pair p = harness.open(s)) {
            Plan plan = ScenarioHarness.plan(p.goldenSnapshot(), p.targetSnapshot());
            new Engine().apply(DbTarget.of(p.targetUrl()), plan, false, InspectOptions.DEFAULT);
            try (Connection c = server.connect(p.target); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM customers WHERE nickname = 'n'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    /** A plan cut off half-way (MySQL DDL cannot roll back) is finished by planning again. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kitchen_sink", "fk_index_changed_error_1553", "table_charset_converted",
            "partition_with_primary_key_change", "missing_tables_with_fk_chain"})
    void interruptedPlanConvergesOnReplan(String name) {
        try (ScenarioHarness.Pair p = harness.open(DriftScenarios.named(name))) {
            Snapshot golden = p.goldenSnapshot();
            Plan plan = ScenarioHarness.plan(golden, p.targetSnapshot());
            assertThat(plan.statements()).as("a plan worth interrupting").hasSizeGreaterThanOrEqualTo(2);
            int half = plan.statements().size() / 2;
            Plan firstHalf = new Plan(plan.flavor(), plan.goldenFingerprint(), plan.targetFingerprint(), false,
                    plan.preamble(), plan.statements().subList(0, half), plan.warnings());
            new Engine().apply(DbTarget.of(p.targetUrl()), firstHalf, true, InspectOptions.DEFAULT);
            Plan rest = ScenarioHarness.plan(golden, p.targetSnapshot());
            assertThat(rest.warnings()).isEmpty();
            new Engine().apply(DbTarget.of(p.targetUrl()), rest, true, InspectOptions.DEFAULT);
            harness.assertConverged(p, golden, SqlScript.render(rest, true));
        }
    }

    @Test
    void failingStatementIsNamedWithHowManyRan() {
        DriftScenario s = DriftScenarios.named("missing_column");
        try (ScenarioHarness.Pair p = harness.open(s)) {
            Plan plan = ScenarioHarness.plan(p.goldenSnapshot(), p.targetSnapshot());
            // the target moves on after planning: the plan's ADD COLUMN now collides
            server.execute(p.target, List.of("ALTER TABLE customers ADD COLUMN name int"));
            assertThatThrownBy(() -> new Engine().apply(DbTarget.of(p.targetUrl()), plan, true, InspectOptions.DEFAULT))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("statement 1 of " + plan.statements().size())
                    .hasMessageContaining("failed after 0 of")
                    .hasMessageContaining("ALTER TABLE `customers`")
                    .hasMessageContaining("Duplicate column");
        }
    }

    @Test
    void columnTypeOfMissingColumnIsRestoredWithItsPosition() {
        DriftScenario s = DriftScenarios.named("missing_column_in_middle");
        try (ScenarioHarness.Pair p = harness.open(s)) {
            Snapshot golden = p.goldenSnapshot();
            new Engine().apply(DbTarget.of(p.targetUrl()), ScenarioHarness.plan(golden, p.targetSnapshot()), true,
                    InspectOptions.DEFAULT);
            List<String> order = p.targetSnapshot().columnsOf("", "customers").stream().map(Column::name).toList();
            assertThat(order).containsExactly("id", "email", "phone", "name", "created_at", "updated_at");
        }
    }
}
