package dev.driftd.dialect.postgres;

import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Differ;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Column;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.Event;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.View;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner against hand-built snapshots: quoting, schema mapping, order, hazards, routes, warnings. */
class PostgresPlanTest {
    private static Snapshot tenant(String schema, SchemaObject... objects) {
        return new Snapshot(Flavor.POSTGRES, "15.4", Scope.singleSchema("db", schema), List.of(objects), Set.of());
    }

    private static Snapshot database(String version, SchemaObject... objects) {
        return new Snapshot(Flavor.POSTGRES, version, Scope.database("db", List.of("app")), List.of(objects), Set.of());
    }

    private static Plan plan(Snapshot golden, Snapshot target) {
        return new PostgresPlanner(golden, target, PlanOptions.DEFAULT).plan(Differ.compare(golden, target));
    }

    private static List<String> sql(Plan plan) {
        return plan.statements().stream().map(PlanStatement::sql).toList();
    }

    private static Column col(String schema, String table, String name, int pos, String type, boolean nullable) {
        return new Column(schema, table, name, pos, type, nullable, null, null, null, null, null, null, false, null,
                false, null);
    }

    private static List<SchemaObject> table(String schema, String name, Column... columns) {
        List<SchemaObject> out = new ArrayList<>();
        out.add(Table.plain(schema, name));
        out.addAll(List.of(columns));
        return out;
    }

    private static SchemaObject[] all(List<?>... parts) {
        List<SchemaObject> out = new ArrayList<>();
        for (List<?> p : parts) {
            for (Object o : p) {
                out.add((SchemaObject) o);
            }
        }
        return out.toArray(SchemaObject[]::new);
    }

    @Test
    void identifiersAreQuotedOnlyWhenNeeded() {
        assertThat(PgDdl.ident("orders")).isEqualTo("orders");
        assertThat(PgDdl.ident("order_2")).isEqualTo("order_2");
        assertThat(PgDdl.ident("user")).isEqualTo("\"user\"");
        assertThat(PgDdl.ident("select")).isEqualTo("\"select\"");
        assertThat(PgDdl.ident("Orders")).isEqualTo("\"Orders\"");
        assertThat(PgDdl.ident("my table")).isEqualTo("\"my table\"");
        assertThat(PgDdl.ident("2fa")).isEqualTo("\"2fa\"");
        assertThat(PgDdl.ident("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(PgDdl.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void scopeRelativeNamesBecomeTheTargetsSchemaAndThePreambleSetsItsSearchPath() {
        Snapshot golden = tenant("tenant_template", all(table("", "orders", col("", "orders", "id", 1, "integer", false),
                col("", "orders", "user", 2, "text", true))));
        Snapshot target = tenant("Tenant_0042", all(table("", "orders", col("", "orders", "id", 1, "integer", false))));
        Plan plan = plan(golden, target);
        assertThat(sql(plan)).containsExactly("ALTER TABLE \"Tenant_0042\".orders ADD COLUMN \"user\" text");
        assertThat(plan.preamble()).containsExactly("SET lock_timeout = '10s'", "SET check_function_bodies = false",
                "SET search_path = \"Tenant_0042\"");
        assertThat(plan.transactional()).isTrue();
        assertThat(plan.flavor()).isEqualTo(Flavor.POSTGRES);
        assertThat(plan.goldenFingerprint()).isEqualTo(golden.fingerprint());
        assertThat(plan.targetFingerprint()).isEqualTo(target.fingerprint());
    }

    @Test
    void lockTimeoutComesFromTheOptionsAndAWholeDatabaseEmptiesTheSearchPath() {
        Snapshot golden = database("15.4", all(table("app", "t", col("app", "t", "a", 1, "integer", true))));
        Snapshot target = database("15.4", all(table("app", "t")));
        Plan plan = new PostgresPlanner(golden, target, new PlanOptions(Duration.ofMillis(2500)))
                .plan(Differ.compare(golden, target));
        assertThat(plan.preamble()).contains("SET lock_timeout = '2500ms'", "SET search_path = ''");
    }

    @Test
    void emptyDiffGivesAnEmptyPlan() {
        Snapshot s = database("15.4", all(table("app", "t", col("app", "t", "a", 1, "integer", true))));
        Plan plan = plan(s, s);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.preamble()).isEmpty();
        assertThat(SqlScript.render(plan, false)).contains("nothing to do");
    }

    @Test
    void extraTableAndColumnAreDestructiveAndCommentedOutUnlessAllowed() {
        Snapshot golden = database("15.4", all(table("app", "t", col("app", "t", "a", 1, "integer", true))));
        Snapshot target = database("15.4", all(table("app", "t", col("app", "t", "a", 1, "integer", true),
                col("app", "t", "b", 2, "text", true)), table("app", "junk")));
        Plan plan = plan(golden, target);
        assertThat(plan.statements()).allSatisfy(s -> {
            assertThat(s.destructive()).isTrue();
            assertThat(s.hazards()).contains(Hazard.DELETES_DATA);
            assertThat(s.reason()).isNotBlank();
        });
        assertThat(sql(plan)).containsExactly("DROP TABLE app.junk", "ALTER TABLE app.t DROP COLUMN b");
        String script = SqlScript.render(plan, false);
        assertThat(script).contains("-- DROP TABLE app.junk;").doesNotContain("\nDROP TABLE");
        assertThat(SqlScript.render(plan, true)).contains("\nDROP TABLE app.junk;");
    }

    @Test
    void newTableListsColumnsInGoldenPositionOrderThenConstraintsIndexesAndForeignKeys() {
        Column id = new Column("app", "child", "id", 1, "bigint", false, null, "ALWAYS", null, null, null, null,
                false, null, false, "the key");
        Column total = new Column("app", "child", "total", 3, "numeric", true, null, null, "(qty * 2)", "STORED",
                null, null, false, null, false, null);
        Column qty = new Column("app", "child", "qty", 2, "integer", false, "0", null, null, null, null, "C", false,
                null, false, null);
        List<SchemaObject> golden = new ArrayList<>(table("app", "parent", col("app", "parent", "id", 1, "bigint", false)));
        golden.add(new PrimaryKey("app", "parent", "parent_pkey", List.of("id"), null));
        golden.addAll(table("app", "child", total, id, qty));
        golden.add(new PrimaryKey("app", "child", "child_pkey", List.of("id"), null));
        golden.add(new ForeignKey("app", "child", "child_parent", List.of("id"), new TableRef("app", "parent"),
                List.of("id"), null, "CASCADE", null, false, false, null));
        golden.add(new Index("app", "child", "child_qty", false, "btree", List.of(IndexPart.column("qty")), List.of(),
                "qty > 0", false, Map.of(), null));
        Snapshot g = database("15.4", golden.toArray(SchemaObject[]::new));
        Snapshot t = database("15.4", all(table("app", "parent", col("app", "parent", "id", 1, "bigint", false)),
                List.of(new PrimaryKey("app", "parent", "parent_pkey", List.of("id"), null))));
        List<String> sql = sql(plan(g, t));
        assertThat(sql).containsExactly(
                "CREATE TABLE app.child (\n    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
                        + "    qty integer COLLATE \"C\" DEFAULT 0 NOT NULL,\n"
                        + "    total numeric GENERATED ALWAYS AS ((qty * 2)) STORED\n)",
                "ALTER TABLE app.child ADD CONSTRAINT child_pkey PRIMARY KEY (id)",
                "CREATE INDEX child_qty ON app.child (qty) WHERE qty > 0",
                "ALTER TABLE app.child ADD CONSTRAINT child_parent FOREIGN KEY (id) REFERENCES app.parent (id) ON DELETE CASCADE",
                "COMMENT ON COLUMN app.child.id IS 'the key'");
    }

    @Test
    void foreignKeyOnAnExistingTableIsAddedNotValidThenValidated() {
        List<SchemaObject> base = new ArrayList<>(table("app", "a", col("app", "a", "id", 1, "integer", false)));
        base.addAll(table("app", "b", col("app", "b", "a_id", 1, "integer", true)));
        List<SchemaObject> golden = new ArrayList<>(base);
        golden.add(new ForeignKey("app", "b", "b_a", List.of("a_id"), new TableRef("app", "a"), List.of("id"),
                null, null, null, false, false, null));
        Plan plan = plan(database("15.4", golden.toArray(SchemaObject[]::new)), database("15.4", base.toArray(SchemaObject[]::new)));
        assertThat(sql(plan)).containsExactly(
                "ALTER TABLE app.b ADD CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES app.a (id) NOT VALID",
                "ALTER TABLE app.b VALIDATE CONSTRAINT b_a");
        assertThat(plan.statements().get(1).hazards()).contains(Hazard.VALIDATES_ROWS);
    }

    @Test
    void columnTypeChangeDropsAndRecreatesViewsInDependencyOrderAndMovesTheDefault() {
        Column before = new Column("app", "t", "n", 1, "integer", true, "1", null, null, null, null, null, false, null, false, null);
        Column after = new Column("app", "t", "n", 1, "bigint", true, "1", null, null, null, null, null, false, null, false, null);
        View v1 = new View("app", "v1", false, "SELECT t.n FROM app.t", List.of("n"), Map.of(), null);
        View v2 = new View("app", "v2", false, "SELECT v1.n FROM app.v1", List.of("n"), Map.of(), null);
        View v3 = new View("app", "a_v3", false, "SELECT v2.n FROM app.v2", List.of("n"), Map.of(), null);
        Snapshot g = database("15.4", Table.plain("app", "t"), after, v1, v2, v3);
        Snapshot t = database("15.4", Table.plain("app", "t"), before, v1, v2, v3);
        Plan plan = plan(g, t);
        assertThat(sql(plan)).containsExactly(
                "DROP VIEW app.a_v3", "DROP VIEW app.v2", "DROP VIEW app.v1",
                "ALTER TABLE app.t ALTER COLUMN n DROP DEFAULT",
                "ALTER TABLE app.t ALTER COLUMN n TYPE bigint USING n::bigint",
                "ALTER TABLE app.t ALTER COLUMN n SET DEFAULT 1",
                "CREATE VIEW app.v1 AS\nSELECT t.n FROM app.t",
                "CREATE VIEW app.v2 AS\nSELECT v1.n FROM app.v1",
                "CREATE VIEW app.a_v3 AS\nSELECT v2.n FROM app.v2");
        PlanStatement alter = plan.statements().get(4);
        assertThat(alter.hazards()).contains(Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK);
        assertThat(plan.statements().get(0).hazards()).contains(Hazard.RECREATES_DEPENDENTS);
        assertThat(plan.statements().get(0).reason()).contains("reads");
    }

    @Test
    void wideningVarcharIsNotARewrite() {
        assertThat(PostgresPlanner.cheapTypeChange("character varying(10)", "character varying(20)")).isTrue();
        assertThat(PostgresPlanner.cheapTypeChange("character varying(20)", "character varying(10)")).isFalse();
        assertThat(PostgresPlanner.cheapTypeChange("character varying(20)", "text")).isTrue();
        assertThat(PostgresPlanner.cheapTypeChange("integer", "bigint")).isFalse();
    }

    @Test
    void enumLabelsAreInsertedInPlaceAtGoldensPositions() {
        Snapshot g = database("15.4", new EnumType("app", "mood", List.of("new", "sad", "ok", "happy", "ecstatic"), null));
        Snapshot t = database("15.4", new EnumType("app", "mood", List.of("sad", "happy"), null));
        assertThat(sql(plan(g, t))).containsExactly(
                "ALTER TYPE app.mood ADD VALUE 'new' BEFORE 'sad'",
                "ALTER TYPE app.mood ADD VALUE 'ok' AFTER 'sad'",
                "ALTER TYPE app.mood ADD VALUE 'ecstatic' AFTER 'happy'");
    }

    @Test
    void removedEnumLabelRebuildsTheTypeAndConvertsItsColumnsThroughText() {
        Column c = new Column("app", "t", "m", 1, "app.mood", true, "'ok'::app.mood", null, null, null, null, null,
                false, null, false, null);
        Snapshot g = database("15.4", new EnumType("app", "mood", List.of("ok"), null), Table.plain("app", "t"), c);
        Snapshot t = database("15.4", new EnumType("app", "mood", List.of("ok", "bad"), null), Table.plain("app", "t"), c);
        assertThat(sql(plan(g, t))).containsExactly(
                "ALTER TYPE app.mood RENAME TO mood__driftd_old",
                "CREATE TYPE app.mood AS ENUM ('ok')",
                "ALTER TABLE app.t ALTER COLUMN m DROP DEFAULT",
                "ALTER TABLE app.t ALTER COLUMN m TYPE app.mood USING m::text::app.mood",
                "ALTER TABLE app.t ALTER COLUMN m SET DEFAULT 'ok'::app.mood",
                "DROP TYPE app.mood__driftd_old");
    }

    @Test
    void enumLabelAddedOnOldServersOrUsedInThePlanTakesTheRebuildRoute() {
        Snapshot g11 = database("11.9", new EnumType("app", "mood", List.of("a", "b"), null));
        Snapshot t11 = database("11.9", new EnumType("app", "mood", List.of("a"), null));
        assertThat(sql(plan(g11, t11))).first().asString().contains("RENAME TO mood__driftd_old");

        Column before = new Column("app", "t", "m", 1, "app.mood", true, "'a'::app.mood", null, null, null, null, null,
                false, null, false, null);
        Column after = new Column("app", "t", "m", 1, "app.mood", true, "'b'::app.mood", null, null, null, null, null,
                false, null, false, null);
        Snapshot g = database("15.4", new EnumType("app", "mood", List.of("a", "b"), null), Table.plain("app", "t"), after);
        Snapshot t = database("15.4", new EnumType("app", "mood", List.of("a"), null), Table.plain("app", "t"), before);
        List<String> sql = sql(plan(g, t));
        assertThat(sql).noneMatch(s -> s.contains("ADD VALUE"));
        assertThat(sql).contains("ALTER TYPE app.mood RENAME TO mood__driftd_old",
                "ALTER TABLE app.t ALTER COLUMN m SET DEFAULT 'b'::app.mood");
    }

    @Test
    void unreconcilableDifferencesBecomeWarnings() {
        Snapshot g = database("15.4", new Domain("app", "d", "integer", false, null, null, List.of(), null),
                new Event("app", "e", "CREATE EVENT e", "ENABLED", null));
        Snapshot t = database("15.4", new Domain("app", "d", "bigint", false, null, null,
                List.of(new NamedCheck("d_check", "VALUE > 0")), null));
        Plan plan = plan(g, t);
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("domain app.d").contains("base type"));
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("event app.e"));
        assertThat(sql(plan)).containsExactly("ALTER DOMAIN app.d DROP CONSTRAINT d_check");
        assertThat(SqlScript.render(plan, true)).contains("-- WARNING: cannot reconcile domain app.d");
    }

    @Test
    void notInspectedKindsAreAWarning() {
        Snapshot g = new Snapshot(Flavor.POSTGRES, "15", Scope.database("db", List.of("app")),
                List.of(Table.plain("app", "t")), Set.of(dev.driftd.schema.ObjectKind.POLICY));
        Snapshot t = database("15.4");
        assertThat(plan(g, t).warnings()).anySatisfy(w -> assertThat(w).contains("not inspected").contains("policy"));
    }

    @Test
    void aTableThatChangesKindIsRecreatedAndEverythingOnItIsDestructive() {
        Table plain = Table.plain("app", "m");
        Table partitioned = new Table("app", "m", dev.driftd.schema.TableKind.PARTITIONED, "RANGE (at)", null, null,
                List.of(), Map.of(), false, false, null);
        Column at = col("app", "m", "at", 1, "date", false);
        Index ix = new Index("app", "m", "m_at", false, "btree", List.of(IndexPart.column("at")), List.of(), null,
                false, Map.of(), null);
        Plan plan = plan(database("15.4", partitioned, at, ix), database("15.4", plain, at, ix));
        assertThat(sql(plan)).containsExactly("DROP TABLE app.m",
                "CREATE TABLE app.m (\n    at date NOT NULL\n) PARTITION BY RANGE (at)", "CREATE INDEX m_at ON app.m (at)");
        assertThat(plan.statements()).allMatch(PlanStatement::destructive);
    }

    @Test
    void rejectsAMysqlTarget() {
        Snapshot my = new Snapshot(Flavor.MYSQL, "8", Scope.mysqlDatabase("db"), List.of(), Set.of());
        assertThatThrownBy(() -> new PostgresPlanner(my, my, PlanOptions.DEFAULT).plan(Differ.compare(my, my)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MYSQL");
    }

    @Test
    void viewsAreOrderedByWhatTheyRead() {
        List<String> order = PgOrder.dependenciesFirst(List.of("c", "b", "a"),
                (x, y) -> (x.equals("c") && y.equals("b")) || (x.equals("b") && y.equals("a")));
        assertThat(order).containsExactly("a", "b", "c");
        assertThat(PgNames.mentions("SELECT x FROM orders_archive", "orders")).isFalse();
        assertThat(PgNames.mentions("SELECT x FROM app.orders o", "orders")).isTrue();
        assertThat(PgNames.mentions("SELECT 'orders' AS x", "orders")).isFalse();
        assertThat(PgNames.mentions("SELECT * FROM \"Orders\"", "Orders")).isTrue();
    }

    @Test
    void routineSignatureIgnoresBodyAndAttributesButNotResult() {
        String a = "CREATE OR REPLACE FUNCTION f(a integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT 1 $function$";
        String b = "CREATE OR REPLACE FUNCTION f(a integer)\n RETURNS integer\n LANGUAGE sql\n IMMUTABLE\nAS $function$ SELECT 2 $function$";
        String c = "CREATE OR REPLACE FUNCTION f(a integer)\n RETURNS bigint\n LANGUAGE sql\nAS $function$ SELECT 1 $function$";
        assertThat(PostgresPlanner.routineSignature(a)).isEqualTo(PostgresPlanner.routineSignature(b));
        assertThat(PostgresPlanner.routineSignature(a)).isNotEqualTo(PostgresPlanner.routineSignature(c));
    }
}
