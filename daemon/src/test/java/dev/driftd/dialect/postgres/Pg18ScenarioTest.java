package dev.driftd.dialect.postgres;

import dev.driftd.testing.EmbeddedVersions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.driftd.diff.ChangeType.CHANGED;
import static dev.driftd.diff.ChangeType.MISSING;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.CHECK_CONSTRAINT;
import static dev.driftd.schema.ObjectKind.COLUMN;
import static dev.driftd.schema.ObjectKind.FOREIGN_KEY;
import static dev.driftd.schema.ObjectKind.PRIMARY_KEY;
import static dev.driftd.schema.ObjectKind.TABLE;
import static dev.driftd.schema.ObjectKind.UNIQUE_CONSTRAINT;

/**
 * What PostgreSQL 18 added to the catalog, on an embedded 18 (never skipped): named NOT NULL
 * constraints (renamed, NOT VALID, NO INHERIT, added by name), virtual generated columns (against
 * stored ones and plain ones, and their expressions), WITHOUT OVERLAPS keys, PERIOD and NOT ENFORCED
 * foreign keys, NOT ENFORCED checks. Each difference runs both ways (golden and target swapped):
 * plan, apply, inspect again, golden's fingerprint, and the server's own deparsing of both sides equal.
 */
@Tag(EmbeddedVersions.OWN_SERVERS)
class Pg18ScenarioTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness(EmbeddedVersions.postgres(18));

    /** Both directions of one difference, each expecting the same changes. */
    private static List<PgScenario> both(String name, String base, String a, String b, String... changes) {
        List<PgScenario> out = new ArrayList<>();
        out.add(named(name + " (a to b)").mode(PgScenario.Mode.SINGLE_SCHEMA).base(base).golden(b).drift(a)
                .expect(changes));
        out.add(named(name + " (b to a)").mode(PgScenario.Mode.SINGLE_SCHEMA).base(base).golden(a).drift(b)
                .expect(changes));
        return out;
    }

    private static final String TEMPORAL = "CREATE EXTENSION IF NOT EXISTS btree_gist;";

    static Stream<PgScenario> scenarios() {
        List<PgScenario> all = new ArrayList<>();
        // NOT NULL constraints with names of their own, and their options
        all.addAll(both("not null: named vs default name", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL)",
                "CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_required NOT NULL)",
                "changed column t.a"));
        all.addAll(both("not null: renamed", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_present NOT NULL)",
                "CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_required NOT NULL)",
                "changed column t.a"));
        all.addAll(both("not null: NOT VALID vs validated", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int); ALTER TABLE t ADD CONSTRAINT a_nn NOT NULL a NOT VALID",
                "CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_nn NOT NULL)",
                "changed column t.a"));
        all.addAll(both("not null: NO INHERIT", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL NO INHERIT)",
                "CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL)",
                "changed column t.a"));
        all.addAll(both("not null: named vs nullable", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int)",
                "CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_required NOT NULL NO INHERIT)",
                "changed column t.a"));
        all.addAll(both("not null: NOT VALID vs nullable", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int)",
                "CREATE TABLE t (id int PRIMARY KEY, a int); ALTER TABLE t ADD CONSTRAINT a_nn NOT NULL a NOT VALID",
                "changed column t.a"));
        String partitioned = "CREATE TABLE pt (id int, a int %s) PARTITION BY RANGE (id);"
                + "CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)";
        all.addAll(both("not null: renamed on a partitioned table (its partitions follow)", "",
                String.format(partitioned, "NOT NULL"), String.format(partitioned, "CONSTRAINT a_required NOT NULL"),
                "changed column pt.a"));
        all.add(named("not null: a partition detached keeps no name of its parent's").mode(PgScenario.Mode.SINGLE_SCHEMA)
                .base("CREATE TABLE pt (id int NOT NULL, a int NOT NULL) PARTITION BY RANGE (id)")
                .golden("CREATE TABLE pt1 (id int NOT NULL, a int NOT NULL)")
                .drift("CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)")
                .expect(CHANGED, TABLE, "pt1").planContains("RENAME CONSTRAINT"));
        String inherited = "CREATE TABLE pc (id int PRIMARY KEY, a int); CREATE TABLE pc1 () INHERITS (pc);"
                + "ALTER TABLE pc ADD CONSTRAINT a_nn NOT NULL a%s";
        all.addAll(both("not null: NOT VALID on an inheritance parent", "",
                String.format(inherited, ""), String.format(inherited, " NOT VALID"),
                "changed column pc.a"));
        all.add(named("not null: named, NOT VALID and NO INHERIT on a new table").mode(PgScenario.Mode.SINGLE_SCHEMA)
                .golden("CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_required NOT NULL NO INHERIT, b int);"
                        + "ALTER TABLE t ADD CONSTRAINT b_nn NOT NULL b NOT VALID")
                .expect(MISSING, TABLE, "t").planContains("NOT NULL b NOT VALID"));
        all.add(named("not null: named on a new column").mode(PgScenario.Mode.SINGLE_SCHEMA)
                .base("CREATE TABLE t (id int PRIMARY KEY)")
                .golden("ALTER TABLE t ADD COLUMN a int CONSTRAINT a_required NOT NULL DEFAULT 0")
                .expect(MISSING, COLUMN, "t.a").planContains("CONSTRAINT a_required NOT NULL"));
        // generated columns: virtual (18's default) and stored
        all.addAll(both("generated: virtual vs stored", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int, d int GENERATED ALWAYS AS (a * 2) STORED)",
                "CREATE TABLE t (id int PRIMARY KEY, a int, d int GENERATED ALWAYS AS (a * 2))",
                "changed column t.d"));
        all.addAll(both("generated: virtual expression", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int, d int GENERATED ALWAYS AS (a * 2) VIRTUAL)",
                "CREATE TABLE t (id int PRIMARY KEY, a int, d int GENERATED ALWAYS AS (a + 1) VIRTUAL)",
                "changed column t.d"));
        all.addAll(both("generated: virtual vs plain", "",
                "CREATE TABLE t (id int PRIMARY KEY, a int, d int)",
                "CREATE TABLE t (id int PRIMARY KEY, a int, d int GENERATED ALWAYS AS (a * 2) VIRTUAL)",
                "changed column t.d"));
        all.add(named("generated: virtual on a new table").mode(PgScenario.Mode.SINGLE_SCHEMA)
                .golden("CREATE TABLE t (id int PRIMARY KEY, a int, d int GENERATED ALWAYS AS (a * 2) VIRTUAL)")
                .expect(MISSING, TABLE, "t").planContains("VIRTUAL"));
        // temporal keys
        all.addAll(both("WITHOUT OVERLAPS primary key", TEMPORAL,
                "CREATE TABLE r (id int, valid tstzrange, CONSTRAINT r_pk PRIMARY KEY (id, valid))",
                "CREATE TABLE r (id int, valid tstzrange, CONSTRAINT r_pk PRIMARY KEY (id, valid WITHOUT OVERLAPS))",
                "changed primary key r.r_pk"));
        all.addAll(both("WITHOUT OVERLAPS unique", TEMPORAL,
                "CREATE TABLE r (id int, valid tstzrange, CONSTRAINT r_u UNIQUE (id, valid))",
                "CREATE TABLE r (id int, valid tstzrange, CONSTRAINT r_u UNIQUE (id, valid WITHOUT OVERLAPS))",
                "changed unique constraint r.r_u"));
        String referenced = TEMPORAL + "CREATE TABLE r (id int, valid tstzrange, "
                + "CONSTRAINT r_pk PRIMARY KEY (id, valid), CONSTRAINT r_u UNIQUE (id, valid WITHOUT OVERLAPS));"
                + "CREATE TABLE s (id int PRIMARY KEY, rid int, valid tstzrange);";
        all.addAll(both("PERIOD foreign key", referenced,
                "ALTER TABLE s ADD CONSTRAINT s_fk FOREIGN KEY (rid, valid) REFERENCES r (id, valid)",
                "ALTER TABLE s ADD CONSTRAINT s_fk FOREIGN KEY (rid, PERIOD valid) REFERENCES r (id, PERIOD valid)",
                "changed foreign key s.s_fk"));
        all.add(named("PERIOD foreign key on a new table").mode(PgScenario.Mode.SINGLE_SCHEMA).base(TEMPORAL)
                .golden("CREATE TABLE r (id int, valid tstzrange, CONSTRAINT r_pk PRIMARY KEY (id, valid WITHOUT OVERLAPS));"
                        + "CREATE TABLE s (id int PRIMARY KEY, rid int, valid tstzrange, CONSTRAINT s_fk "
                        + "FOREIGN KEY (rid, PERIOD valid) REFERENCES r (id, PERIOD valid))")
                .expect(MISSING, TABLE, "r").expect(MISSING, TABLE, "s")
                .planContains("FOREIGN KEY (rid, PERIOD valid)"));
        // NOT ENFORCED
        String parent = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, pid int, n int);";
        all.addAll(both("NOT ENFORCED foreign key", parent,
                "ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id)",
                "ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id) NOT ENFORCED",
                "changed foreign key c.c_fk"));
        all.addAll(both("NOT ENFORCED check", parent,
                "ALTER TABLE c ADD CONSTRAINT c_n CHECK (n > 0)",
                "ALTER TABLE c ADD CONSTRAINT c_n CHECK (n > 0) NOT ENFORCED",
                "changed check constraint c.c_n"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void converges(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
