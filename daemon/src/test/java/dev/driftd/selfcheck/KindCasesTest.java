package dev.driftd.selfcheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case-file format: blank lines separate statements, bodies keep their semicolons, errors say file:line. */
class KindCasesTest {
    @Test
    void readsSectionsAndKeepsBodiesWhole() {
        List<KindCase> cases = KindCases.parse("""
                # a comment
                [procedure]
                only: mariadb
                base:
                CREATE TABLE t (id int);

                golden:
                CREATE PROCEDURE p()
                BEGIN
                  INSERT INTO t VALUES (1);
                END

                [table]
                golden:
                CREATE TABLE u (id int)
                """, "x.cases");
        assertThat(cases).hasSize(2);
        KindCase p = cases.get(0);
        assertThat(p.kind()).isEqualTo("procedure");
        assertThat(p.base()).containsExactly("CREATE TABLE t (id int)");
        assertThat(p.golden()).containsExactly("CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\nEND");
        assertThat(p.changed()).isEmpty();
        assertThat(p.runsOn("mariadb")).isTrue();
        assertThat(p.runsOn("mysql")).isFalse();
        assertThat(p.where()).isEqualTo("x.cases:2");
        assertThat(cases.get(1).runsOn("mysql")).isTrue();
    }

    @Test
    void malformedFilesNameTheLine() {
        assertThatThrownBy(() -> KindCases.parse("[index]\nbase:\nCREATE TABLE t (a int)\n", "pg.cases"))
                .hasMessage("pg.cases:1: [index] has no golden: statements");
        assertThatThrownBy(() -> KindCases.parse("CREATE TABLE t (a int)\n", "pg.cases"))
                .hasMessage("pg.cases:1: a statement outside base:, golden: or changed: (no [kind] yet)");
        assertThatThrownBy(() -> KindCases.parse("[t]\ngolden:\nX\n[t]\ngolden:\nY\n", "pg.cases"))
                .hasMessage("pg.cases:4: kind 't' appears twice");
        assertThatThrownBy(() -> KindCases.parse("[t]\ngolden:\nX\n\ngolden:\nY\n", "pg.cases"))
                .hasMessage("pg.cases:5: 'golden:' twice in [t]");
    }

    @Test
    void everyShippedKindIsOneTheModelKnows() {
        for (String dialect : List.of("postgres", "mysql")) {
            for (KindCase c : KindCases.forDialect(dialect)) {
                assertThat(java.util.Arrays.stream(dev.driftd.schema.ObjectKind.values()).map(k -> k.label()))
                        .as("%s: %s", c.where(), c.kind()).contains(c.kind());
            }
        }
    }
}
