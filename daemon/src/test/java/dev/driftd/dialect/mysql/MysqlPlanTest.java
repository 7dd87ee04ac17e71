package dev.driftd.dialect.mysql;

import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Differ;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Routine;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableKind;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner against hand-built snapshots: ordering, grouping, flavor spellings, hazards, warnings. */
class MysqlPlanTest {
    private static final String MARIADB = "10.11.19-MariaDB-0+deb12u1";

    private static Snapshot snap(Flavor flavor, String version, List<SchemaObject> objects) {
        return new Snapshot(flavor, version, Scope.mysqlDatabase("db"), objects, Set.of());
    }

    private static Snapshot maria(List<SchemaObject> objects) {
        return snap(Flavor.MARIADB, MARIADB, objects);
    }

    private static Table table(String name, Map<String, String> options) {
        return new Table("", name, TableKind.TABLE, null, null, null, List.of(), options, false, false, null);
    }

    private static Table innodb(String name) {
        return table(name, Map.of("engine", "InnoDB", "charset", "utf8mb4", "collation", "utf8mb4_general_ci"));
    }

    private static List<SchemaObject> columns(String table, String... names) {
        List<SchemaObject> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(Column.of("", table, names[i], i + 1, "int"));
        }
        return out;
    }

    private static Index index(String table, String name, boolean unique, String... cols) {
        return new Index("", table, name, unique, "BTREE", Arrays.stream(cols).map(IndexPart::column).toList(),
                List.of(), null, false, Map.of(), null);
    }

    private static ForeignKey fk(String table, String name, List<String> cols, String parent, List<String> parentCols) {
        return new ForeignKey("", table, name, cols, new TableRef("", parent), parentCols, null, "CASCADE", null,
                false, false, null);
    }

    private static List<SchemaObject> objects(Object... parts) {
        List<SchemaObject> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof SchemaObject o) {
                out.add(o);
            } else {
                for (Object o : (List<?>) p) {
                    out.add((SchemaObject) o);
                }
            }
        }
        return out;
    }

    private static Plan plan(Snapshot golden, Snapshot target) {
        return new MysqlPlanner(golden, target, PlanOptions.DEFAULT).plan(Differ.compare(golden, target));
    }

    private static int indexOf(Plan plan, String fragment) {
        for (int i = 0; i < plan.statements().size(); i++) {
            if (plan.statements().get(i).sql().contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no statement with " + fragment + " in " + plan.statements());
    }

    private static final Pattern CLAUSE = Pattern.compile(
            "(ADD|MODIFY) COLUMN `([^`]+)` [^\\n]*?(?: (FIRST)| AFTER `([^`]+)`)?(?:,|$)", Pattern.MULTILINE);

    /** Plays the column clauses of ALTERs in order, the way the server does, on a list of names. */
    private static List<String> replay(List<String> start, Plan plan) {
        List<String> cols = new ArrayList<>(start);
        for (PlanStatement s : plan.statements()) {
            for (String line : s.sql().split("\n")) {
                if (line.strip().startsWith("DROP COLUMN")) {
                    cols.remove(line.replaceAll(".*`([^`]+)`.*", "$1"));
                }
                Matcher m = CLAUSE.matcher(line.strip());
                if (!m.find()) {
                    continue;
                }
                String col = m.group(2);
                boolean add = m.group(1).equals("ADD");
                if (m.group(3) == null && m.group(4) == null) {
                    if (add) {
                        cols.add(col);
                    }
                    continue;
                }
                cols.remove(col);
                cols.add(m.group(3) != null ? 0 : cols.indexOf(m.group(4)) + 1, col);
            }
        }
        return cols;
    }

    @Test
    void columnOrderIsRestoredByReplayingTheClausesOnRandomPermutations() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> golden = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
            List<String> target = new ArrayList<>(golden);
            Collections.shuffle(target, random);
            target.removeIf(c -> random.nextInt(6) == 0);
            if (random.nextBoolean()) {
                target.add(random.nextInt(target.size() + 1), "x_extra");
            }
            Plan plan = plan(maria(objects(innodb("t"), columns("t", golden.toArray(String[]::new)))),
                    maria(objects(innodb("t"), columns("t", target.toArray(String[]::new)))));
            List<String> after = replay(target, plan);
            after.remove("x_extra");
            assertThat(after).as("target %s, plan %s", target, plan.statements()).isEqualTo(golden);
        }
    }

    @Test
    void aSingleSwapMovesOneColumn() {
        Plan plan = plan(maria(objects(innodb("t"), columns("t", "a", "b", "c", "d"))),
                maria(objects(innodb("t"), columns("t", "a", "c", "b", "d"))));
        assertThat(plan.statements()).singleElement().satisfies(s -> {
            assertThat(s.sql().split("MODIFY COLUMN", -1)).hasSize(2);
            assertThat(s.sql()).containsPattern("MODIFY COLUMN `(b|c)` int NULL AFTER `(a|b)`");
            assertThat(s.hazards()).contains(Hazard.NOT_TRANSACTIONAL, Hazard.REWRITES_TABLE);
        });
    }

    @Test
    void planIsNotTransactionalAndSetsTheLockWaitInWholeSeconds() {
        Snapshot golden = maria(objects(innodb("t"), columns("t", "a", "b")));
        Snapshot target = maria(objects(innodb("t"), columns("t", "a")));
        Plan plan = new MysqlPlanner(golden, target, new PlanOptions(Duration.ofMillis(2500)))
                .plan(Differ.compare(golden, target));
        assertThat(plan.transactional()).isFalse();
        assertThat(plan.flavor()).isEqualTo(Flavor.MARIADB);
        assertThat(plan.preamble()).containsExactly("SET SESSION lock_wait_timeout = 3");
        assertThat(plan.statements()).allMatch(s -> s.hazards().contains(Hazard.NOT_TRANSACTIONAL));
        assertThat(plan.goldenFingerprint()).isEqualTo(golden.fingerprint());
        assertThat(plan.targetFingerprint()).isEqualTo(target.fingerprint());
    }

    @Test
    void appendedColumnIsInstantOnlyWhereTheServerIsKnownToAllowIt() {
        List<SchemaObject> g = objects(innodb("t"), columns("t", "a", "b"));
        List<SchemaObject> t = objects(innodb("t"), columns("t", "a"));
        assertThat(plan(maria(g), maria(t)).statements().get(0).sql()).endsWith("ADD COLUMN `b` int NULL,\n  ALGORITHM=INSTANT");
        assertThat(plan(snap(Flavor.MARIADB, "10.2.44-MariaDB", g), snap(Flavor.MARIADB, "10.2.44-MariaDB", t))
                .statements().get(0).sql()).doesNotContain("ALGORITHM");
        List<SchemaObject> withFulltext = new ArrayList<>(t);
        withFulltext.add(new Index("", "t", "ft", false, "FULLTEXT", List.of(IndexPart.column("a")), List.of(), null,
                false, Map.of(), null));
        List<SchemaObject> goldenFulltext = new ArrayList<>(g);
        goldenFulltext.add(withFulltext.get(withFulltext.size() - 1));
        assertThat(plan(maria(goldenFulltext), maria(withFulltext)).statements().get(0).sql()).doesNotContain("INSTANT");
        // a column in the middle is not an append
        Plan middle = plan(maria(objects(innodb("t"), columns("t", "a", "m", "b"))), maria(objects(innodb("t"), columns("t", "a", "b"))));
        assertThat(middle.statements().get(0).sql()).contains("ADD COLUMN `m` int NULL AFTER `a`").doesNotContain("INSTANT");
    }

    @Test
    void foreignKeyStepsAsideWhileTheIndexItNeedsIsRebuilt() {
        List<SchemaObject> common = objects(innodb("p"), columns("p", "id"), new PrimaryKey("", "p", "PRIMARY", List.of("id"), null),
                innodb("c"), columns("c", "id", "pid", "d"), fk("c", "fk_c_p", List.of("pid"), "p", List.of("id")));
        List<SchemaObject> g = new ArrayList<>(common);
        g.add(index("c", "ix_pid", false, "pid", "d"));
        List<SchemaObject> t = new ArrayList<>(common);
        t.add(index("c", "ix_pid", false, "pid"));
        Plan plan = plan(maria(g), maria(t));
        int drop = indexOf(plan, "DROP FOREIGN KEY `fk_c_p`");
        int rebuild = indexOf(plan, "DROP INDEX `ix_pid`");
        int add = indexOf(plan, "ADD CONSTRAINT `fk_c_p` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE");
        assertThat(drop).isLessThan(rebuild);
        assertThat(rebuild).isLessThan(add);
        assertThat(plan.statements().get(drop).hazards()).contains(Hazard.RECREATES_DEPENDENTS);
        assertThat(plan.statements().get(add).hazards()).contains(Hazard.VALIDATES_ROWS);
        assertThat(plan.statements().get(rebuild).sql()).contains("ADD INDEX `ix_pid` (`pid`, `d`)", "LOCK=NONE");
    }

    @Test
    void foreignKeyOnAColumnWhoseTypeChangesStepsAsideOnBothSides() {
        Column parentId = new Column("", "p", "id", 1, "bigint", false, null, null, null, null, null, null, false, null, false, null);
        Column childRef = new Column("", "c", "pid", 1, "bigint", false, null, null, null, null, null, null, false, null, false, null);
        List<SchemaObject> g = objects(innodb("p"), parentId, innodb("c"), childRef,
                fk("c", "fk_c_p", List.of("pid"), "p", List.of("id")));
        List<SchemaObject> t = objects(innodb("p"), parentId, innodb("c"),
                new Column("", "c", "pid", 1, "int", false, null, null, null, null, null, null, false, null, false, null),
                fk("c", "fk_c_p", List.of("pid"), "p", List.of("id")));
        Plan plan = plan(maria(g), maria(t));
        assertThat(indexOf(plan, "DROP FOREIGN KEY")).isLessThan(indexOf(plan, "MODIFY COLUMN `pid` bigint NOT NULL"));
        assertThat(indexOf(plan, "MODIFY COLUMN `pid`")).isLessThan(indexOf(plan, "ADD CONSTRAINT `fk_c_p`"));
        assertThat(plan.hasDestructive()).as("int to bigint widens").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MARIADB", "MYSQL"})
    void checksAreDroppedTheWayEachFlavorSpellsIt(String flavorName) {
        Flavor flavor = Flavor.valueOf(flavorName);
        String version = flavor == Flavor.MARIADB ? MARIADB : "8.4.3";
        CheckConstraint golden = new CheckConstraint("", "t", "ck", "`a` > 0", false, true, null);
        CheckConstraint target = new CheckConstraint("", "t", "ck", "`a` > 1", false, true, null);
        Plan plan = plan(snap(flavor, version, objects(innodb("t"), columns("t", "a"), golden)),
                snap(flavor, version, objects(innodb("t"), columns("t", "a"), target)));
        if (flavor == Flavor.MARIADB) {
            assertThat(plan.statements()).singleElement().satisfies(s -> assertThat(s.sql())
                    .contains("DROP CONSTRAINT `ck`", "ADD CONSTRAINT `ck` CHECK (`a` > 0)"));
        } else {
            assertThat(plan.statements()).hasSize(2);
            assertThat(plan.statements().get(0).sql()).contains("DROP CHECK `ck`").doesNotContain("ADD");
            assertThat(plan.statements().get(1).sql()).contains("ADD CONSTRAINT `ck` CHECK (`a` > 0)");
        }
    }

    @Test
    void missingTablesAreCreatedBeforeAnyForeignKeyEvenInACycle() {
        List<SchemaObject> g = objects(innodb("a"), columns("a", "id", "b_id"), innodb("b"), columns("b", "id", "a_id"),
                fk("a", "fk_a_b", List.of("b_id"), "b", List.of("id")), fk("b", "fk_b_a", List.of("a_id"), "a", List.of("id")));
        Plan plan = plan(maria(g), maria(List.of()));
        int lastCreate = Math.max(indexOf(plan, "CREATE TABLE `a`"), indexOf(plan, "CREATE TABLE `b`"));
        assertThat(indexOf(plan, "ADD CONSTRAINT `fk_a_b`")).isGreaterThan(lastCreate);
        assertThat(indexOf(plan, "ADD CONSTRAINT `fk_b_a`")).isGreaterThan(lastCreate);
        assertThat(plan.statements().get(0).sql()).doesNotContain("FOREIGN KEY");
    }

    @Test
    void dataIsDroppedLastAndOnlyAsDestructiveStatements() {
        List<SchemaObject> g = objects(innodb("t"), columns("t", "a"), innodb("kept"), columns("kept", "k"),
                index("kept", "ix_k", false, "k"));
        List<SchemaObject> t = objects(innodb("t"), columns("t", "a", "old"), innodb("kept"), columns("kept", "k"),
                innodb("gone_child"), columns("gone_child", "id", "pid"), innodb("gone_parent"), columns("gone_parent", "id"),
                fk("gone_child", "fk_gc", List.of("pid"), "gone_parent", List.of("id")));
        Plan plan = plan(maria(g), maria(t));
        List<PlanStatement> s = plan.statements();
        assertThat(s.get(0).sql()).contains("ADD INDEX `ix_k`");
        assertThat(s.get(0).destructive()).isFalse();
        assertThat(s.subList(1, s.size())).allSatisfy(st -> {
            assertThat(st.destructive()).isTrue();
            assertThat(st.hazards()).contains(Hazard.DELETES_DATA);
            assertThat(st.reason()).contains("drop extra");
        });
        assertThat(indexOf(plan, "DROP TABLE `gone_child`")).isLessThan(indexOf(plan, "DROP TABLE `gone_parent`"));
        assertThat(plan.runnable(false)).hasSize(1);
    }

    @Test
    void narrowingATypeIsDestructiveAndWideningIsNot() {
        Column wide = new Column("", "t", "s", 1, "varchar(40)", true, null, null, null, null, null, null, false, null, false, null);
        Column narrow = new Column("", "t", "s", 1, "varchar(20)", true, null, null, null, null, null, null, false, null, false, null);
        Plan widen = plan(maria(objects(innodb("t"), wide)), maria(objects(innodb("t"), narrow)));
        assertThat(widen.hasDestructive()).isFalse();
        assertThat(widen.statements().get(0).sql()).contains("MODIFY COLUMN `s` varchar(40) NULL");
        Plan shrink = plan(maria(objects(innodb("t"), narrow)), maria(objects(innodb("t"), wide)));
        assertThat(shrink.statements()).singleElement().satisfies(s -> {
            assertThat(s.destructive()).isTrue();
            assertThat(s.reason()).contains("may truncate");
        });
    }

    @Test
    void viewsAreCreatedAfterTheViewsTheyReadWhateverTheirNames() {
        View base = new View("", "z_base", false, "select `t`.`a` AS `a` from `t`", List.of("a"), Map.of(), null);
        View top = new View("", "a_top", false, "select `z_base`.`a` AS `a` from `z_base`", List.of("a"), Map.of(), null);
        List<SchemaObject> common = objects(innodb("t"), columns("t", "a"));
        List<SchemaObject> g = new ArrayList<>(common);
        g.add(base);
        g.add(top);
        Plan plan = plan(maria(g), maria(common));
        assertThat(indexOf(plan, "VIEW `z_base`")).isLessThan(indexOf(plan, "VIEW `a_top`"));
        assertThat(plan.statements().get(0).sql()).startsWith("CREATE OR REPLACE VIEW `z_base` AS select");
    }

    @Test
    void changedRoutineIsDroppedAndCreatedAdjacentlyAsACompoundStatement() {
        Routine g = new Routine("", "f", "f", false, "CREATE FUNCTION `f`() RETURNS int DETERMINISTIC RETURN 2", null);
        Routine t = new Routine("", "f", "f", false, "CREATE FUNCTION `f`() RETURNS int DETERMINISTIC RETURN 1", null);
        Plan plan = plan(maria(List.of(g)), maria(List.of(t)));
        assertThat(plan.statements()).hasSize(2);
        assertThat(plan.statements().get(0).sql()).isEqualTo("DROP FUNCTION IF EXISTS `f`");
        assertThat(plan.statements().get(1).sql()).isEqualTo(g.definition());
        assertThat(plan.statements().get(1).compound()).isTrue();
    }

    @Test
    void triggersAreCreatedAfterTheTriggerTheyFollow() {
        dev.driftd.schema.Trigger second = new dev.driftd.schema.Trigger("", "t", "a_second",
                "CREATE TRIGGER `a_second` BEFORE INSERT ON `t` FOR EACH ROW FOLLOWS `z_first` SET NEW.a = 2", null, null);
        dev.driftd.schema.Trigger first = new dev.driftd.schema.Trigger("", "t", "z_first",
                "CREATE TRIGGER `z_first` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1", null, null);
        List<SchemaObject> common = objects(innodb("t"), columns("t", "a"));
        List<SchemaObject> g = new ArrayList<>(common);
        g.add(second);
        g.add(first);
        Plan plan = plan(maria(g), maria(common));
        assertThat(indexOf(plan, "TRIGGER `z_first`")).isLessThan(indexOf(plan, "TRIGGER `a_second`"));
        assertThat(plan.statements()).allMatch(PlanStatement::compound);
    }

    @Test
    void differencesMysqlCannotExpressBecomeWarningsNotSilence() {
        Plan plan = plan(maria(List.of(new EnumType("", "mood", List.of("ok"), null))), maria(List.of()));
        assertThat(plan.statements()).isEmpty();
        assertThat(plan.warnings()).singleElement().asString().contains("enum type", "mood");
        Table withUnknownOption = table("t", Map.of("engine", "InnoDB", "secondary_engine", "rapid"));
        Plan create = plan(maria(objects(withUnknownOption, columns("t", "a"))), maria(List.of()));
        assertThat(create.warnings()).anySatisfy(w -> assertThat(w).contains("secondary_engine"));
    }

    @Test
    void hashPartitionsWithDefaultNamesAreWrittenAsACount() {
        assertThat(MysqlDdl.partitionClause("HASH (`id`) (PARTITION `p0`, PARTITION `p1`, PARTITION `p2`)"))
                .isEqualTo("PARTITION BY HASH (`id`) PARTITIONS 3");
        assertThat(MysqlDdl.partitionClause("HASH (`id`) (PARTITION `a`, PARTITION `b`)"))
                .isEqualTo("PARTITION BY HASH (`id`) (PARTITION `a`, PARTITION `b`)");
        assertThat(MysqlDdl.partitionClause("RANGE (year(`d`)) (PARTITION `p0` VALUES LESS THAN (2025))"))
                .isEqualTo("PARTITION BY RANGE (year(`d`)) (PARTITION `p0` VALUES LESS THAN (2025))");
    }

    @Test
    void identifiersAndStringsAreQuotedSafely() {
        assertThat(MysqlDdl.ident("we`ird")).isEqualTo("`we``ird`");
        assertThat(MysqlDdl.literal("it's a \\ path")).isEqualTo("'it''s a \\\\ path'");
        assertThat(MysqlDdl.defaultClause("'x'")).isEqualTo("'x'");
        assertThat(MysqlDdl.defaultClause("CURRENT_TIMESTAMP(3)")).isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(MysqlDdl.defaultClause("uuid()")).isEqualTo("(uuid())");
        assertThat(MysqlDdl.defaultClause("(`a` + 1)")).isEqualTo("(`a` + 1)");
    }

    @Test
    void typeWideningRules() {
        assertThat(MysqlColumnChange.widens("int", "bigint")).isTrue();
        assertThat(MysqlColumnChange.widens("bigint", "int")).isFalse();
        assertThat(MysqlColumnChange.widens("int unsigned", "int")).isFalse();
        assertThat(MysqlColumnChange.widens("decimal(10,2)", "decimal(12,2)")).isTrue();
        assertThat(MysqlColumnChange.widens("decimal(10,2)", "decimal(10,3)")).isFalse();
        assertThat(MysqlColumnChange.widens("enum('a','b')", "enum('a','b','c')")).isTrue();
        assertThat(MysqlColumnChange.widens("enum('a','b')", "enum('a','bc')")).isFalse();
        assertThat(MysqlColumnChange.widens("varchar(10)", "text")).isTrue();
        assertThat(MysqlColumnChange.charsetWidens("latin1", "utf8mb4")).isTrue();
        assertThat(MysqlColumnChange.charsetWidens("utf8mb4", "latin1")).isFalse();
    }
}
