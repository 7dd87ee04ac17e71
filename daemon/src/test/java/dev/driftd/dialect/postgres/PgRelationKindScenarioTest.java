package dev.driftd.dialect.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.driftd.diff.ChangeType.EXTRA;
import static dev.driftd.diff.ChangeType.MISSING;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.MATERIALIZED_VIEW;
import static dev.driftd.schema.ObjectKind.TABLE;
import static dev.driftd.schema.ObjectKind.VIEW;

/**
 * A relation that keeps its name but changes kind (a table replaced by a view over a renamed table,
 * as migra's dependencies2 fixture does; a view or materialized view replaced by a table): the diff
 * lists the table's columns, which must go with the DROP TABLE and come with the CREATE TABLE, not
 * be dropped or added on their own around it. Each must converge and leave pg_dump equal.
 */
class PgRelationKindScenarioTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();

    private static final String AS_TABLE = "CREATE TABLE data (id int PRIMARY KEY, name text);"
            + "CREATE INDEX data_name ON data (name);"
            + "CREATE VIEW q AS SELECT * FROM data;";
    private static final String AS_VIEW = "CREATE TABLE t_data (id int PRIMARY KEY, name text);"
            + "CREATE VIEW data AS SELECT * FROM t_data;"
            + "CREATE VIEW q AS SELECT * FROM data;";
    private static final String AS_MATVIEW = "CREATE TABLE t_data (id int PRIMARY KEY, name text, note text);"
            + "CREATE MATERIALIZED VIEW data AS SELECT id, name FROM t_data;"
            + "CREATE UNIQUE INDEX data_id ON data (id);";

    static Stream<PgScenario> scenarios() {
        return Stream.of(
                named("relation kind: a table becomes a view").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(AS_VIEW).drift(AS_TABLE)
                        .expect(EXTRA, TABLE, "data").expect(MISSING, VIEW, "data")
                        .expect("missing table t_data", "extra column data.id", "extra column data.name", "extra primary key data.data_pkey", "extra index data.data_name"),
                named("relation kind: a view becomes a table").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(AS_TABLE).drift(AS_VIEW)
                        .expect(MISSING, TABLE, "data").expect(EXTRA, VIEW, "data")
                        .expect("extra table t_data", "missing column data.id", "missing column data.name", "missing primary key data.data_pkey", "missing index data.data_name"),
                named("relation kind: a materialized view becomes a table").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(AS_TABLE).drift(AS_MATVIEW)
                        .expect(MISSING, TABLE, "data").expect(EXTRA, MATERIALIZED_VIEW, "data")
                        .expect("extra table t_data", "missing column data.id", "missing column data.name", "missing primary key data.data_pkey", "missing index data.data_name", "extra index data.data_id", "missing view q"),
                named("relation kind: a table becomes a materialized view").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(AS_MATVIEW).drift(AS_TABLE)
                        .expect(EXTRA, TABLE, "data").expect(MISSING, MATERIALIZED_VIEW, "data")
                        .expect("missing table t_data", "extra column data.id", "extra column data.name", "extra primary key data.data_pkey", "extra index data.data_name", "missing index data.data_id", "extra view q"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void converges(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
