package dev.driftd.dialect.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.driftd.diff.ChangeType.CHANGED;
import static dev.driftd.diff.ChangeType.EXTRA;
import static dev.driftd.diff.ChangeType.MISSING;
import static dev.driftd.dialect.postgres.PgScenario.named;
import static dev.driftd.schema.ObjectKind.AGGREGATE;
import static dev.driftd.schema.ObjectKind.COLLATION;
import static dev.driftd.schema.ObjectKind.COLUMN;
import static dev.driftd.schema.ObjectKind.COLUMN_STATISTICS;
import static dev.driftd.schema.ObjectKind.RULE;
import static dev.driftd.schema.ObjectKind.TEXT_SEARCH_CONFIGURATION;
import static dev.driftd.schema.ObjectKind.TEXT_SEARCH_DICTIONARY;

/**
 * Collations, text search dictionaries and configurations, aggregates and column statistics
 * targets: missing, extra and changed, built from empty and wiped to empty. Each must converge
 * (golden's fingerprint after the plan) and leave pg_dump equal.
 */
class PgCatalogKindsScenarioTest {
    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();

    /** Every new kind, and objects that use them (a column and an index with the collation, a view over the aggregate). */
    static final String KINDS = """
            CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            CREATE COLLATION bytes FROM "C";
            CREATE TEXT SEARCH DICTIONARY my_stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');
            CREATE TEXT SEARCH DICTIONARY my_simple (TEMPLATE = simple);
            CREATE TEXT SEARCH CONFIGURATION my_cfg (PARSER = default);
            ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR asciiword, word WITH my_stem, my_simple;
            ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR int WITH simple;
            CREATE FUNCTION add_len(acc int, s text) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT acc + length(s) $$;
            CREATE AGGREGATE total_len(text) (SFUNC = add_len, STYPE = int, INITCOND = '0', PARALLEL = SAFE);
            CREATE TABLE docs (id int PRIMARY KEY, title text COLLATE nocase, code text COLLATE bytes, body text);
            ALTER TABLE docs ALTER COLUMN body SET STATISTICS 400;
            CREATE INDEX docs_fts ON docs USING gin (to_tsvector('my_cfg', body));
            CREATE VIEW doc_lengths AS SELECT total_len(body) AS n FROM docs;
            CREATE TABLE tags (name text PRIMARY KEY);
            CREATE RULE tags_insert_ignore AS ON INSERT TO tags
              WHERE EXISTS (SELECT 1 FROM tags t WHERE t.name = NEW.name) DO INSTEAD NOTHING;
            COMMENT ON RULE tags_insert_ignore ON tags IS 'upsert by rule';
            """;

    /**
     * A rule writing the changed column of its own table ({@code NEW.v}) into another table's column
     * that changes too, and views over the first: PostgreSQL refuses the type changes while the rule
     * or the views exist ("cannot alter type of a column used by a view or rule").
     */
    static String blockingRule(String type, String ruleValue) {
        return "CREATE TABLE r1 (id int PRIMARY KEY, v " + type + ");"
                + "CREATE TABLE r1log (v " + type + ", n int);"
                + "CREATE RULE r1_log AS ON INSERT TO r1 DO ALSO INSERT INTO r1log (v, n) VALUES (" + ruleValue + ", NEW.id);"
                + "CREATE VIEW r1_v AS SELECT id, v FROM r1;"
                + "CREATE VIEW r1_vv AS SELECT v FROM r1_v WHERE id > 0;";
    }

    static Stream<PgScenario> scenarios() {
        return Stream.of(
                named("kinds: build from empty")
                        .expect("missing collation bytes",
                                "missing text search dictionary my_simple",
                                "missing function add_len(acc integer, s text)",
                                "missing table docs",
                                "missing table tags",
                                "missing view doc_lengths",
                                "missing privilege function add_len(acc integer, s text) to PUBLIC").mode(PgScenario.Mode.SINGLE_SCHEMA).golden(KINDS)
                        .expect(MISSING, COLLATION, "nocase").expect(MISSING, TEXT_SEARCH_DICTIONARY, "my_stem")
                        .expect(MISSING, TEXT_SEARCH_CONFIGURATION, "my_cfg").expect(MISSING, AGGREGATE, "total_len(text)"),
                named("kinds: wipe to empty")
                        .expect("extra collation bytes",
                                "extra text search dictionary my_simple",
                                "extra text search dictionary my_stem",
                                "extra text search configuration my_cfg",
                                "extra function add_len(acc integer, s text)",
                                "extra table docs",
                                "extra table tags",
                                "extra view doc_lengths",
                                "extra privilege function add_len(acc integer, s text) to PUBLIC").mode(PgScenario.Mode.SINGLE_SCHEMA).drift(KINDS)
                        .expect(EXTRA, COLLATION, "nocase").expect(EXTRA, AGGREGATE, "total_len(text)"),
                named("kinds: build from empty (tenant, psql)")
                        .expect("missing collation bytes",
                                "missing collation nocase",
                                "missing text search dictionary my_simple",
                                "missing text search dictionary my_stem",
                                "missing function add_len(acc integer, s text)",
                                "missing aggregate total_len(text)",
                                "missing table docs",
                                "missing table tags",
                                "missing view doc_lengths",
                                "missing privilege function add_len(acc integer, s text) to PUBLIC").golden(KINDS).viaPsql()
                        .expect(MISSING, TEXT_SEARCH_CONFIGURATION, "my_cfg"),
                named("kinds: wipe to empty (database)")
                        .expect("extra schema app",
                                "extra collation app.bytes",
                                "extra collation app.nocase",
                                "extra text search dictionary app.my_simple",
                                "extra text search dictionary app.my_stem",
                                "extra function app.add_len(acc integer, s text)",
                                "extra aggregate app.total_len(text)",
                                "extra table app.docs",
                                "extra table app.tags",
                                "extra view app.doc_lengths",
                                "extra privilege app.function add_len(acc integer, s text) to PUBLIC").mode(PgScenario.Mode.DATABASE)
                        .drift("CREATE SCHEMA app; SET search_path = app; " + KINDS)
                        .expect(EXTRA, TEXT_SEARCH_CONFIGURATION, "app.my_cfg"),
                named("kinds: build from empty (database)")
                        .expect("missing schema app",
                                "missing collation app.bytes",
                                "missing text search dictionary app.my_simple",
                                "missing text search dictionary app.my_stem",
                                "missing text search configuration app.my_cfg",
                                "missing function app.add_len(acc integer, s text)",
                                "missing aggregate app.total_len(text)",
                                "missing table app.docs",
                                "missing table app.tags",
                                "missing view app.doc_lengths",
                                "missing privilege app.function add_len(acc integer, s text) to PUBLIC").mode(PgScenario.Mode.DATABASE)
                        .golden("CREATE SCHEMA app; SET search_path = app; " + KINDS)
                        .expect(MISSING, COLLATION, "app.nocase"),
                named("kinds: changed in place").mode(PgScenario.Mode.SINGLE_SCHEMA).base(KINDS)
                        .drift("ALTER TEXT SEARCH DICTIONARY my_stem (stopwords = 'french', language = 'english');"
                                + "ALTER TEXT SEARCH DICTIONARY my_stem (StopWords);"
                                + "ALTER TEXT SEARCH CONFIGURATION my_cfg DROP MAPPING FOR int;"
                                + "ALTER TEXT SEARCH CONFIGURATION my_cfg ALTER MAPPING FOR word WITH simple;"
                                + "ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR email WITH simple;"
                                + "ALTER TABLE docs ALTER COLUMN body SET STATISTICS 50;"
                                + "ALTER TABLE docs ALTER COLUMN title SET STATISTICS 10;"
                                + "CREATE OR REPLACE AGGREGATE total_len(text) (SFUNC = add_len, STYPE = int, INITCOND = '1');"
                                + "COMMENT ON COLLATION bytes IS 'raw';"
                                + "CREATE OR REPLACE RULE tags_insert_ignore AS ON INSERT TO tags DO INSTEAD NOTHING;"
                                + "CREATE RULE docs_no_delete AS ON DELETE TO docs DO INSTEAD NOTHING;")
                        .expect(CHANGED, TEXT_SEARCH_DICTIONARY, "my_stem").expect(CHANGED, TEXT_SEARCH_CONFIGURATION, "my_cfg")
                        .expect(CHANGED, COLUMN_STATISTICS, "docs.body").expect(EXTRA, COLUMN_STATISTICS, "docs.title")
                        .expect(CHANGED, AGGREGATE, "total_len(text)").expect(CHANGED, COLLATION, "bytes")
                        .expect(CHANGED, RULE, "tags.tags_insert_ignore").expect(EXTRA, RULE, "docs.docs_no_delete"),
                named("rules: a rule and views blocking column type changes are re-created around them")
                        .mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(blockingRule("varchar(20)", "NEW.v")).drift(blockingRule("varchar(10)", "NEW.v"))
                        .expect(CHANGED, COLUMN, "r1.v").expect(CHANGED, COLUMN, "r1log.v"),
                named("rules: a changed rule that blocks a column type change").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden(blockingRule("text", "upper(NEW.v)")).drift(blockingRule("varchar(10)", "NEW.v"))
                        .expect(CHANGED, COLUMN, "r1.v").expect(CHANGED, RULE, "r1.r1_log").expect("changed column r1log.v"),
                named("kinds: unused collation and dictionary re-created").mode(PgScenario.Mode.SINGLE_SCHEMA)
                        .golden("CREATE COLLATION spare (provider = icu, locale = 'de-DE');"
                                + "CREATE TEXT SEARCH DICTIONARY spare_dict (TEMPLATE = simple, stopwords = 'english');")
                        .drift("CREATE COLLATION spare (provider = icu, locale = 'fr-FR');"
                                + "CREATE TEXT SEARCH DICTIONARY spare_dict (TEMPLATE = snowball, language = 'english');")
                        .expect(CHANGED, COLLATION, "spare").expect(CHANGED, TEXT_SEARCH_DICTIONARY, "spare_dict"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void converges(PgScenario scenario) {
        HARNESS.run(scenario, true);
    }
}
