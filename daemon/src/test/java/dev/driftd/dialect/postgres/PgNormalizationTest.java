package dev.driftd.dialect.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text-level normalizations, on the server output they are written for. */
class PgNormalizationTest {
    private static String def(String expression, String type, String category) {
        return PgDefaults.normalize(expression, type, category, null);
    }

    @Test
    void literalCastsToTheColumnsOwnTypeAreDropped() {
        assertThat(def("'-1'::integer", "integer", "N")).isEqualTo("'-1'");
        assertThat(def("'2020-01-01'::date", "date", "D")).isEqualTo("'2020-01-01'");
        assertThat(def("'ok'::app.mood", "app.mood", "E")).isEqualTo("'ok'");
        assertThat(def("'x'::character varying", "character varying", "S")).isEqualTo("'x'");
        assertThat(def("('x'::text)::character varying", "character varying", "S")).isEqualTo("'x'");
        assertThat(def("'it''s'::text", "text", "S")).isEqualTo("'it''s'");
        assertThat(def("E'a\\\\b'::text", "text", "S")).isEqualTo("E'a\\\\b'");
        assertThat(PgDefaults.normalize("'{}'::text[]", "character varying[]", "A", "S")).isEqualTo("'{}'");
    }

    @Test
    void aStringLiteralCastToAnotherStringTypeIsTheSameDefaultOnAStringColumn() {
        assertThat(def("'x'::text", "character varying", "S")).isEqualTo("'x'");
        assertThat(def("'x'::character varying", "text", "S")).isEqualTo("'x'");
        assertThat(def("'ab'::bpchar", "character", "S")).isEqualTo("'ab'");
    }

    @Test
    void castsThatCanChangeMeaningStay() {
        // a cast to a type other than the column's, on a non-string column
        assertThat(def("'1 day'::interval", "timestamp with time zone", "D")).isEqualTo("'1 day'::interval");
        assertThat(def("'5'::text", "integer", "N")).isEqualTo("'5'::text");
        // casts of expressions, not literals
        assertThat(def("(now())::date", "date", "D")).isEqualTo("(now())::date");
        assertThat(def("(a || b)::character varying", "character varying", "S"))
                .isEqualTo("(a || b)::character varying");
        assertThat(def("nextval('t_id_seq'::regclass)", "integer", "N")).isEqualTo("nextval('t_id_seq'::regclass)");
        assertThat(def("now()", "timestamp with time zone", "D")).isEqualTo("now()");
        assertThat(def("0", "bigint", "N")).isEqualTo("0");
        assertThat(def(null, "bigint", "N")).isNull();
        // two literals joined by an operator are not one literal
        assertThat(def("('a'::text || 'b'::text)", "text", "S")).isEqualTo("('a'::text || 'b'::text)");
    }

    @Test
    void parenthesesAreUnwrappedOnlyWhenTheyEncloseEverything() {
        assertThat(PgDefaults.unwrapParens("(a) + (b)")).isNull();
        assertThat(PgDefaults.unwrapParens("((a) + (b))")).isEqualTo("(a) + (b)");
        assertThat(PgDefaults.unwrapParens("(')(')")).isEqualTo("')('");
        // doubled quotes inside a literal or an identifier leave the parentheses in them alone
        assertThat(PgDefaults.unwrapParens("('it''s)')")).isEqualTo("'it''s)'");
        assertThat(PgDefaults.unwrapParens("(\"a)\"\"(b\")")).isEqualTo("\"a)\"\"(b\"");
        assertThat(PgDefaults.unwrapParens("('a)') || ('(b')")).isNull();
    }

    @Test
    void indexKeysAndDecorationsAreReadFromTheServersDefinition() {
        List<PgIndexKeys.Key> keys = PgIndexKeys.keys(
                "CREATE INDEX i ON app.t USING btree (lower(note) text_pattern_ops, note COLLATE \"C\" DESC NULLS LAST,"
                        + " \"Odd, name\", (a + b), public.\"F\"((x)::text) DESC, (CASE WHEN (a > 0) THEN ')' END))"
                        + " INCLUDE (x) WHERE a > 0",
                "btree", 6);
        assertThat(keys).containsExactly(
                new PgIndexKeys.Key("lower(note)", null, "text_pattern_ops"),
                new PgIndexKeys.Key("note", "C", null),
                new PgIndexKeys.Key("Odd, name", null, null),
                new PgIndexKeys.Key("a + b", null, null),
                new PgIndexKeys.Key("public.\"F\"((x)::text)", null, null),
                new PgIndexKeys.Key("CASE WHEN (a > 0) THEN ')' END", null, null));
        assertThat(PgIndexKeys.keys("CREATE INDEX g ON t USING gist (doc gist_trgm_ops (siglen='32'))", "gist", 1))
                .containsExactly(new PgIndexKeys.Key("doc", null, "gist_trgm_ops (siglen='32')"));
        assertThat(PgIndexKeys.unquote("public.\"My \"\"coll\"\"\"")).isEqualTo("public.My \"coll\"");
        assertThatThrownBy(() -> PgIndexKeys.keys("CREATE INDEX i ON t USING hash (a)", "btree", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogArraysInTextForm() {
        assertThat(PostgresInspector.arrayInts("{3,1,2}")).containsExactly(3, 1, 2);
        assertThat(PostgresInspector.arrayInts(null)).isEmpty();
        assertThat(PostgresInspector.vectorInts("1 0 4")).containsExactly(1, 0, 4);
        assertThat(PostgresInspector.vectorInts("")).isEmpty();
    }

    @Test
    void scopeNamesAreRelativeOnlyForTheScopedSchema() {
        PgScopeNames single = new PgScopeNames(true, "Tenant A", "\"Tenant A\"", Map.of(1L, "Tenant A"));
        assertThat(single.ofOid(1)).isEmpty();
        assertThat(single.relative("public")).isEqualTo("public");
        assertThat(single.qualified("pg_catalog", "C")).isEqualTo("C");
        assertThat(single.qualified("Tenant A", "coll")).isEqualTo("coll");
        assertThat(single.unqualifyHeader("CREATE OR REPLACE FUNCTION \"Tenant A\".f(x integer)\n RETURNS integer\n",
                "FUNCTION")).isEqualTo("CREATE OR REPLACE FUNCTION f(x integer)\n RETURNS integer\n");
        PgScopeNames database = new PgScopeNames(false, null, null, Map.of(1L, "app"));
        assertThat(database.ofOid(1)).isEqualTo("app");
        assertThat(database.unqualifyHeader("CREATE OR REPLACE FUNCTION app.f()", "FUNCTION"))
                .isEqualTo("CREATE OR REPLACE FUNCTION app.f()");
    }

    @Test
    void viewAndExclusionTextsLoseOnlyTheirDecoration() {
        assertThat(PostgresInspector.viewDefinition(" SELECT 1;\n")).isEqualTo("SELECT 1");
        assertThat(PostgresInspector.exclusionBody("EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED"))
                .isEqualTo("EXCLUDE USING gist (r WITH &&)");
    }
}
