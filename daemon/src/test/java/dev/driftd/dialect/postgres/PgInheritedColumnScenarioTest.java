package dev.driftd.dialect.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.driftd.diff.ChangeType.EXTRA;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.COLUMN;

/**
 * A column golden has on INHERITS children but no longer on their parent (migra's inherit2
 * fixture): the parent's column is dropped with ONLY, so the children keep theirs; a plain DROP
 * COLUMN recursed into them and nothing added it back. Where a child does not keep it, the plain
 * drop stays. Each must converge and leave pg_dump equal (column order aside).
 */
class PgInheritedColumnScenarioTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();

    static Stream<PgScenario> scenarios() {
        return Stream.of(
                named("inherited column: kept on the children, dropped from the parent").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden("CREATE TABLE base (created_at timestamp DEFAULT now());"
                                + "CREATE TABLE a (a1 int, e int) INHERITS (base);"
                                + "CREATE TABLE b (b1 int, e int) INHERITS (base);")
                        .drift("CREATE TABLE base (created_at timestamp DEFAULT now(), e int);"
                                + "CREATE TABLE a (a1 int) INHERITS (base);"
                                + "CREATE TABLE b (b1 int) INHERITS (base);")
                        .expect(EXTRA, COLUMN, "base.e").expect("changed table a", "changed table b"),
                named("inherited column: dropped everywhere").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden("CREATE TABLE base (created_at timestamp DEFAULT now());"
                                + "CREATE TABLE a (a1 int) INHERITS (base);")
                        .drift("CREATE TABLE base (created_at timestamp DEFAULT now(), e int);"
                                + "CREATE TABLE a (a1 int) INHERITS (base);")
                        .expect(EXTRA, COLUMN, "base.e").expect("extra column a.e"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void converges(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
