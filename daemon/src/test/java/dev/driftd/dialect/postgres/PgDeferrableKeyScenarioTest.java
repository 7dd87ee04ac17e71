package dev.driftd.dialect.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.driftd.diff.ChangeType.CHANGED;
import static dev.driftd.diff.ChangeType.MISSING;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.PRIMARY_KEY;
import static dev.driftd.schema.ObjectKind.TABLE;

/**
 * A primary key's DEFERRABLE [INITIALLY DEFERRED] is schema: it decides when the key is checked
 * (migra's constraints fixture; unique keys and foreign keys already compared it). Made deferrable,
 * made immediate again, and created deferrable on a new table: each must converge and leave pg_dump equal.
 */
class PgDeferrableKeyScenarioTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();

    private static String table(String deferral) {
        return "CREATE TABLE c (cc int, other int);"
                + "ALTER TABLE c ADD CONSTRAINT c_pkey PRIMARY KEY (cc)" + deferral + ";"
                + "CREATE INDEX c_other ON c (other);";
    }

    static Stream<PgScenario> scenarios() {
        return Stream.of(
                named("deferrable key: made deferrable").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(table(" DEFERRABLE INITIALLY DEFERRED")).drift(table(""))
                        .expect(CHANGED, PRIMARY_KEY, "c.c_pkey"),
                named("deferrable key: deferrable, checked at once by default").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(table(" DEFERRABLE")).drift(table(" DEFERRABLE INITIALLY DEFERRED"))
                        .expect(CHANGED, PRIMARY_KEY, "c.c_pkey"),
                named("deferrable key: made immediate").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(table("")).drift(table(" DEFERRABLE INITIALLY DEFERRED"))
                        .expect(CHANGED, PRIMARY_KEY, "c.c_pkey"),
                named("deferrable key: on a new table").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(table(" DEFERRABLE INITIALLY DEFERRED"))
                        .expect(MISSING, TABLE, "c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void converges(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
