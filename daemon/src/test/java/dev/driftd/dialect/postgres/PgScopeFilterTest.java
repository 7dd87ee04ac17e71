package dev.driftd.dialect.postgres;

import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.Trigger;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.driftd.schema.ObjectKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scope filter of the catalog queries: tokens bound as namespace filters for a database, as
 * member OIDs for a single schema; and a tenant read through its members reads everything the
 * namespace-filtered read does, on a schema holding every kind beside another that references it.
 */
class PgScopeFilterTest {
    private static final String SQL = "SELECT 1 FROM pg_catalog.pg_type t, pg_catalog.pg_proc p "
            + "WHERE ?::boolean AND {pg_type t} AND {pg_proc p}";

    @Test
    void aDatabaseScopeFiltersByNamespace() {
        PgScopeFilter.Bound bound = PgScopeFilter.bySchema("{1,2}").bind(SQL, true);
        assertThat(bound.sql()).isEqualTo("SELECT 1 FROM pg_catalog.pg_type t, pg_catalog.pg_proc p WHERE ?::boolean "
                + "AND t.typnamespace = ANY (?::oid[]) AND p.pronamespace = ANY (?::oid[])");
        assertThat(bound.params()).containsExactly(true, new PgScopeFilter.OidArray("{1,2}"),
                new PgScopeFilter.OidArray("{1,2}"));
    }

    @Test
    void aSingleSchemaFiltersByItsMembersAndStillByNamespace() {
        PgScopeFilter.Bound bound = PgScopeFilter.byMember("{7}", Map.of("pg_type", "{10,11}")).bind(SQL, false);
        assertThat(bound.sql()).isEqualTo("SELECT 1 FROM pg_catalog.pg_type t, pg_catalog.pg_proc p WHERE ?::boolean "
                + "AND (t.oid = ANY (?::oid[]) AND t.typnamespace = ANY (?::oid[])) "
                + "AND (p.oid = ANY (?::oid[]) AND p.pronamespace = ANY (?::oid[]))");
        // a catalog without members (no routines) matches nothing rather than everything
        assertThat(bound.params()).containsExactly(false, new PgScopeFilter.OidArray("{10,11}"),
                new PgScopeFilter.OidArray("{7}"), new PgScopeFilter.OidArray("{}"), new PgScopeFilter.OidArray("{7}"));
    }

    @Test
    void aMistakeInTheQueryTextFailsAtOnce() {
        PgScopeFilter filter = PgScopeFilter.bySchema("{1}");
        assertThatThrownBy(() -> filter.bind("SELECT 1 FROM pg_catalog.pg_constraint k WHERE {pg_constraint k}"))
                .hasMessageContaining("not a scope token: {pg_constraint k}");
        assertThatThrownBy(() -> filter.bind("SELECT ?, ?", 1)).hasMessageContaining("more placeholders than values");
        assertThatThrownBy(() -> filter.bind("SELECT ?", 1, 2)).hasMessageContaining("more values than placeholders");
    }

    @Test
    void membersAreReadWhenTheSchemaHoldsUnderAQuarterOfTheRelations() {
        // pg_class rows take about 300 bytes: three relations need more than 3 x 4 x 300 bytes around them
        assertThat(PgScopeFilter.membersPay("{1,2,3}", 3 * 4 * 300 + 1)).isTrue();
        assertThat(PgScopeFilter.membersPay("{1,2,3}", 3 * 4 * 300)).isFalse();
        assertThat(PgScopeFilter.membersPay("{}", 1)).as("an empty schema").isTrue();
    }

    /** Every kind in {@code app} (see {@link PgEveryObjectReadTest}), parts of every kind, and a schema that points into it. */
    private static final String AROUND = """
            SET search_path = app;
            CREATE TABLE part (k int, v text, n app.mood) PARTITION BY RANGE (k);
            CREATE TABLE part_1 PARTITION OF part FOR VALUES FROM (0) TO (10);
            CREATE INDEX part_v ON part (v);
            CREATE TABLE arrays (p pair[], m mood[], s span);
            CREATE FUNCTION rows_of_t() RETURNS SETOF t LANGUAGE sql AS 'SELECT * FROM app.t';
            CREATE VIEW over_function AS SELECT * FROM rows_of_t();
            COMMENT ON COLUMN t.body IS 'column';
            COMMENT ON CONSTRAINT t_c_check ON t IS 'constraint';
            COMMENT ON TRIGGER tt ON t IS 'trigger';
            COMMENT ON POLICY pol ON t IS 'policy';
            COMMENT ON RULE r ON t IS 'rule';
            COMMENT ON INDEX t_body IS 'index';
            COMMENT ON TYPE mood IS 'enum';
            COMMENT ON DOMAIN pos IS 'domain';
            COMMENT ON FUNCTION f(int) IS 'function';
            COMMENT ON COLLATION coll IS 'collation';
            COMMENT ON TEXT SEARCH DICTIONARY dict IS 'dictionary';
            COMMENT ON TEXT SEARCH CONFIGURATION cfg IS 'configuration';
            COMMENT ON SEQUENCE s IS 'sequence';
            GRANT SELECT (id) ON t TO PUBLIC;
            GRANT USAGE ON TYPE mood TO PUBLIC;
            REVOKE EXECUTE ON FUNCTION f(int) FROM PUBLIC;
            CREATE SCHEMA beside;
            CREATE TABLE beside.b (id int PRIMARY KEY, t_id int REFERENCES app.t (id), m app.mood);
            CREATE VIEW beside.v AS SELECT * FROM app.v;
            CREATE TABLE app.uses_beside (b_id int REFERENCES beside.b (id), d app.pos);
            CREATE FUNCTION beside.wrap(app.pair) RETURNS app.pair[] LANGUAGE sql AS 'SELECT ARRAY[$1]';
            """;

    @Test
    void aTenantReadThroughItsMembersMissesNothing() {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("h_pgscope_members")) {
            db.execute(PgEveryObjectReadTest.EVERYTHING);
            db.execute(AROUND);
            PgScopeEquivalence.assertMembersReadAll(db.target("app"));
            PgScopeEquivalence.assertMembersReadAll(db.target("beside"));
            PgScopeEquivalence.assertMembersReadAll(db.target("public"));

            // and the reading compared is a full one, not two equally empty ones
            Snapshot app = PgScopeEquivalence.read(db.target("app"), true);
            assertThat(app.getNotInspected()).contains(OPERATOR, OPERATOR_CLASS, OPERATOR_FAMILY, CONVERSION,
                    RANGE_TYPE, EXTENDED_STATISTICS, FOREIGN_TABLE, TEXT_SEARCH_PARSER, TEXT_SEARCH_TEMPLATE,
                    DEFAULT_PRIVILEGE);
            for (var kind : java.util.List.of(TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, FUNCTION, PROCEDURE,
                    AGGREGATE, TRIGGER, POLICY, RULE, ENUM_TYPE, DOMAIN, COMPOSITE_TYPE, COLLATION,
                    TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION, PRIVILEGE, FOREIGN_KEY, CHECK_CONSTRAINT)) {
                assertThat(app.ofKind(kind)).as("%s read in app", kind).isNotEmpty();
            }
            assertThat(app.getDependencies()).as("dependencies read in app").isNotEmpty();
            assertThat(app.all(Table.class).stream().filter(t -> t.name().equals("t")).findFirst().orElseThrow().comment())
                    .isEqualTo("x");
            assertThat(app.all(CheckConstraint.class).stream().map(CheckConstraint::comment)).contains("constraint");
            assertThat(app.all(Trigger.class).stream().map(Trigger::comment)).containsExactly("trigger");
        }
    }
}
