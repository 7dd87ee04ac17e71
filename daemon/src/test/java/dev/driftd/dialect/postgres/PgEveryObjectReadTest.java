package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.driftd.schema.ObjectKind.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing unread: loads a database holding one object of every kind a user can create, then
 * enumerates every user object from the catalogs themselves (every non-shared catalog of
 * {@code pg_catalog} that has an {@code oid}, rows from OID 16384 not owned by an extension,
 * named by {@code pg_identify_object}) and requires each to be either modelled (its kind is in
 * the snapshot) or reported in the snapshot's {@code notInspected}. A kind of object this test
 * cannot classify fails it too: a new catalog or object type must be taught to the inspector.
 */
class PgEveryObjectReadTest {
    /** One of each kind; {@code app} is the scope's only schema besides public. */
    static final String EVERYTHING = """
            CREATE SCHEMA app; SET search_path = app;
            CREATE TYPE mood AS ENUM ('a', 'b');
            CREATE DOMAIN pos AS int CHECK (VALUE > 0);
            CREATE TYPE pair AS (a int, b int);
            CREATE TYPE span AS RANGE (subtype = int4);
            CREATE SEQUENCE s;
            CREATE TABLE t (id int PRIMARY KEY, u int UNIQUE, c int CHECK (c > 0), e int DEFAULT 1,
                p int REFERENCES t (id), body text, EXCLUDE USING btree (e WITH =));
            CREATE INDEX t_body ON t (body);
            ALTER TABLE t ALTER COLUMN body SET STATISTICS 500;
            CREATE VIEW v AS SELECT id FROM t;
            CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
            CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
            CREATE PROCEDURE pr() LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER tt BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
            ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY pol ON t USING (true);
            GRANT SELECT ON t TO PUBLIC;
            COMMENT ON TABLE t IS 'x';
            CREATE AGGREGATE total(int) (sfunc = int4pl, stype = int);
            CREATE OPERATOR === (leftarg = int, rightarg = int, function = int4eq);
            CREATE OPERATOR FAMILY fam USING btree;
            CREATE OPERATOR CLASS int_cls FOR TYPE int4 USING hash AS OPERATOR 1 =, FUNCTION 1 hashint4(int4);
            CREATE COLLATION coll FROM "C";
            CREATE TEXT SEARCH DICTIONARY dict (TEMPLATE = simple);
            CREATE TEXT SEARCH CONFIGURATION cfg (COPY = pg_catalog.english);
            CREATE TEXT SEARCH TEMPLATE tmpl (LEXIZE = dsimple_lexize);
            CREATE TEXT SEARCH PARSER prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
                LEXTYPES = prsd_lextype);
            CREATE CONVERSION conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
            CREATE STATISTICS st ON id, u FROM t;
            CREATE RULE r AS ON DELETE TO t WHERE false DO ALSO NOTHING;
            CREATE FOREIGN DATA WRAPPER fdw;
            CREATE SERVER srv FOREIGN DATA WRAPPER fdw;
            CREATE USER MAPPING FOR PUBLIC SERVER srv;
            CREATE FOREIGN TABLE ft (a int) SERVER srv;
            CREATE FUNCTION evt() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
            CREATE EVENT TRIGGER et ON ddl_command_end EXECUTE FUNCTION evt();
            CREATE PUBLICATION pub FOR TABLE t;
            CREATE FUNCTION pair_int(pair) RETURNS int LANGUAGE sql AS 'SELECT $1.a';
            CREATE CAST (pair AS int) WITH FUNCTION pair_int(pair);
            CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
            CREATE LANGUAGE plx HANDLER plpgsql_call_handler;
            ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;
            """;

    /** {@code pg_identify_object} types whose objects are modelled kinds of their own. */
    private static final Map<String, ObjectKind> MODELLED = Map.ofEntries(
            Map.entry("schema", SCHEMA), Map.entry("table", TABLE), Map.entry("view", VIEW),
            Map.entry("materialized view", MATERIALIZED_VIEW), Map.entry("sequence", SEQUENCE),
            Map.entry("function", FUNCTION), Map.entry("procedure", PROCEDURE), Map.entry("index", INDEX),
            Map.entry("trigger", TRIGGER), Map.entry("policy", POLICY), Map.entry("domain", DOMAIN),
            Map.entry("extension", EXTENSION), Map.entry("collation", COLLATION),
            Map.entry("text search dictionary", TEXT_SEARCH_DICTIONARY),
            Map.entry("text search configuration", TEXT_SEARCH_CONFIGURATION), Map.entry("aggregate", AGGREGATE));

    /** Types of objects reported, not modelled. */
    private static final Map<String, ObjectKind> REPORTED = Map.ofEntries(
            Map.entry("operator", OPERATOR),
            Map.entry("operator class", OPERATOR_CLASS), Map.entry("operator family", OPERATOR_FAMILY),
            Map.entry("operator of access method", OPERATOR_FAMILY), Map.entry("function of access method", OPERATOR_FAMILY),
            Map.entry("text search template", TEXT_SEARCH_TEMPLATE), Map.entry("text search parser", TEXT_SEARCH_PARSER),
            Map.entry("conversion", CONVERSION), Map.entry("statistics object", EXTENDED_STATISTICS),
            Map.entry("foreign table", FOREIGN_TABLE), Map.entry("foreign-data wrapper", FOREIGN_DATA_WRAPPER),
            Map.entry("server", FOREIGN_SERVER), Map.entry("user mapping", USER_MAPPING),
            Map.entry("event trigger", EVENT_TRIGGER), Map.entry("publication", PUBLICATION),
            Map.entry("publication relation", PUBLICATION), Map.entry("publication namespace", PUBLICATION),
            Map.entry("cast", CAST), Map.entry("language", LANGUAGE), Map.entry("access method", ACCESS_METHOD),
            Map.entry("default acl", DEFAULT_PRIVILEGE), Map.entry("transform", TRANSFORM));

    /** A user object as the catalogs name it. */
    record Found(String catalog, String type, String identity, String detail) {
    }

    @Test
    void everyUserObjectIsModelledOrReported() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("h_pgdeps_every")) {
            db.execute(EVERYTHING);
            Snapshot snapshot = new Engine().snapshot(db.target(), InspectOptions.DEFAULT);
            List<String> unread = new ArrayList<>();
            Set<ObjectKind> reportedSeen = EnumSet.noneOf(ObjectKind.class);
            for (Found o : enumerate(db)) {
                ObjectKind kind = classify(o);
                if (kind == null) {
                    continue; // a part of a modelled object (constraint, default, row type, view rule, ...)
                }
                boolean read = MODELLED.containsValue(kind) || kind == ENUM_TYPE || kind == COMPOSITE_TYPE || kind == DOMAIN
                        || kind == RULE
                        ? !snapshot.ofKind(kind).isEmpty() : snapshot.getNotInspected().contains(kind);
                if (!read) {
                    unread.add(o + " (" + kind.label() + ")");
                }
                if (REPORTED.containsValue(kind) || kind == RANGE_TYPE || kind == BASE_TYPE) {
                    reportedSeen.add(kind);
                }
            }
            assertThat(unread).as("user objects neither modelled nor in notInspected %s", snapshot.getNotInspected())
                    .isEmpty();
            // the schema really held the kinds this test is about, and the column target is reported too
            assertThat(reportedSeen).contains(OPERATOR, OPERATOR_CLASS, CAST, EVENT_TRIGGER, PUBLICATION,
                    FOREIGN_DATA_WRAPPER, FOREIGN_SERVER, FOREIGN_TABLE, RANGE_TYPE, EXTENDED_STATISTICS);
            assertThat(snapshot.ofKind(RULE)).as("the rule is modelled").hasSize(1);
            // a column's statistics target is no catalog object of its own: modelled as a part
            assertThat(snapshot.ofKind(COLUMN_STATISTICS)).hasSize(1);
            for (ObjectKind modelled : List.of(COLLATION, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION, AGGREGATE)) {
                assertThat(snapshot.ofKind(modelled)).as("%s read", modelled.label()).hasSize(1);
                assertThat(snapshot.getNotInspected()).doesNotContain(modelled);
            }

            Diff self = new Engine().diff(snapshot, snapshot);
            assertThat(self.inSync()).isTrue();
            assertThat(self.notInspected()).as("a diff names what it did not compare")
                    .containsAll(snapshot.getNotInspected());
        }
    }

    /**
     * A comment on each object of {@link #EVERYTHING} that COMMENT ON can name, parts included (a
     * column of each relation kind, each kind of constraint, a composite type's attribute, the
     * index behind a primary key, an identity column's sequence), each with its own text.
     */
    static final String COMMENTS_ON_EVERYTHING = """
            SET search_path = app;
            ALTER TABLE t ADD COLUMN ident int GENERATED ALWAYS AS IDENTITY;
            COMMENT ON SCHEMA app IS 'c-schema';
            COMMENT ON TYPE mood IS 'c-enum';
            COMMENT ON DOMAIN pos IS 'c-domain';
            COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'c-domain-check';
            COMMENT ON TYPE pair IS 'c-composite';
            COMMENT ON COLUMN pair.a IS 'c-composite-attribute';
            COMMENT ON TYPE span IS 'c-range';
            COMMENT ON SEQUENCE s IS 'c-sequence';
            COMMENT ON COLUMN t.body IS 'c-column';
            COMMENT ON CONSTRAINT t_pkey ON t IS 'c-primary-key';
            COMMENT ON INDEX t_pkey IS 'c-primary-key-index';
            COMMENT ON CONSTRAINT t_u_key ON t IS 'c-unique';
            COMMENT ON CONSTRAINT t_c_check ON t IS 'c-check';
            COMMENT ON CONSTRAINT t_p_fkey ON t IS 'c-foreign-key';
            COMMENT ON CONSTRAINT t_e_excl ON t IS 'c-exclusion';
            COMMENT ON INDEX t_body IS 'c-index';
            COMMENT ON VIEW v IS 'c-view';
            COMMENT ON COLUMN v.id IS 'c-view-column';
            COMMENT ON MATERIALIZED VIEW mv IS 'c-materialized-view';
            COMMENT ON COLUMN mv.id IS 'c-materialized-view-column';
            COMMENT ON FUNCTION f(int) IS 'c-function';
            COMMENT ON PROCEDURE pr() IS 'c-procedure';
            COMMENT ON TRIGGER tt ON t IS 'c-trigger';
            COMMENT ON POLICY pol ON t IS 'c-policy';
            COMMENT ON AGGREGATE total(int) IS 'c-aggregate';
            COMMENT ON OPERATOR === (int, int) IS 'c-operator';
            COMMENT ON OPERATOR FAMILY fam USING btree IS 'c-operator-family';
            COMMENT ON OPERATOR CLASS int_cls USING hash IS 'c-operator-class';
            COMMENT ON COLLATION coll IS 'c-collation';
            COMMENT ON TEXT SEARCH DICTIONARY dict IS 'c-dictionary';
            COMMENT ON TEXT SEARCH CONFIGURATION cfg IS 'c-configuration';
            COMMENT ON TEXT SEARCH TEMPLATE tmpl IS 'c-template';
            COMMENT ON TEXT SEARCH PARSER prs IS 'c-parser';
            COMMENT ON CONVERSION conv IS 'c-conversion';
            COMMENT ON STATISTICS st IS 'c-statistics';
            COMMENT ON RULE r ON t IS 'c-rule';
            COMMENT ON FOREIGN DATA WRAPPER fdw IS 'c-fdw';
            COMMENT ON SERVER srv IS 'c-server';
            COMMENT ON FOREIGN TABLE ft IS 'c-foreign-table';
            COMMENT ON COLUMN ft.a IS 'c-foreign-table-column';
            COMMENT ON EVENT TRIGGER et IS 'c-event-trigger';
            COMMENT ON PUBLICATION pub IS 'c-publication';
            COMMENT ON CAST (pair AS int) IS 'c-cast';
            COMMENT ON ACCESS METHOD heap2 IS 'c-access-method';
            COMMENT ON LANGUAGE plx IS 'c-language';
            COMMENT ON SEQUENCE t_ident_seq IS 'c-identity-sequence';
            """;

    @Test
    void everyCommentIsReadOrItsKindReported() {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("h_pgdeps_every")) {
            db.execute(EVERYTHING, COMMENTS_ON_EVERYTHING);
            List<String> known = List.of("sequence app.t_ident_seq: c-identity-sequence");
            Snapshot all = new Engine().snapshot(db.target(), InspectOptions.DEFAULT);
            PgCommentCoverage.Coverage database = PgCommentCoverage.assertEveryCommentRead(db.target(), all);
            assertThat(database.comments()).as("comments in the database").isEqualTo(47);
            assertThat(database.knownUnread()).as("the kinds the model has no place for").isEqualTo(known);
            Snapshot app = new Engine().snapshot(db.target("app"), InspectOptions.DEFAULT);
            PgCommentCoverage.Coverage schema = PgCommentCoverage.assertEveryCommentRead(db.target("app"), app);
            assertThat(schema.comments()).as("comments in schema app, not the schema's own").isEqualTo(39);
            assertThat(schema.knownUnread()).isEqualTo(known);
        }
    }

    @Test
    void aSchemaScopeReportsOnlyWhatItsSchemaHolds() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("h_pgdeps_every")) {
            db.execute(EVERYTHING, "CREATE SCHEMA plain; CREATE TABLE plain.x (id int);");
            Snapshot app = new Engine().snapshot(db.target("app"), InspectOptions.DEFAULT);
            assertThat(app.getNotInspected()).contains(OPERATOR, CONVERSION, FOREIGN_TABLE, DEFAULT_PRIVILEGE)
                    .doesNotContain(CAST, EVENT_TRIGGER, PUBLICATION, FOREIGN_DATA_WRAPPER);
            Snapshot plain = new Engine().snapshot(db.target("plain"), InspectOptions.DEFAULT);
            assertThat(plain.getNotInspected()).isEmpty();
        }
    }

    @Test
    void diffNeverSaysABareInSyncForWhatItDidNotCompare() {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("h_pgdeps_every")) {
            db.execute(EVERYTHING);
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = dev.driftd.cli.Main.run(new String[] {"diff", "--golden", db.url(), "--target", db.url()},
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).contains("not inspected (not compared): ", "operator", "event trigger")
                    .contains("in sync for what was compared; not compared: ")
                    .doesNotContainPattern("(?m)^in sync \\(");
        }
    }

    /** The kind an object counts as, or null when it is a part of a modelled object. */
    private static ObjectKind classify(Found o) {
        if (MODELLED.containsKey(o.type())) {
            return MODELLED.get(o.type());
        }
        if (REPORTED.containsKey(o.type())) {
            return REPORTED.get(o.type());
        }
        switch (o.type()) {
            case "table constraint", "domain constraint", "default value", "toast table", "index column" -> {
                return null;
            }
            case "rule" -> {
                return o.identity().startsWith("\"_RETURN\"") || o.identity().startsWith("_RETURN ") ? null : RULE;
            }
            case "type" -> {
                return switch (o.detail()) {
                    case "e" -> ENUM_TYPE;
                    case "d" -> DOMAIN;
                    case "r", "m" -> RANGE_TYPE;
                    case "b", "p" -> BASE_TYPE;
                    case "c" -> COMPOSITE_TYPE;
                    default -> null; // arrays and relations' row types belong to what they are of
                };
            }
            case "composite type" -> {
                return COMPOSITE_TYPE;
            }
            default -> throw new AssertionError("cannot classify " + o + ": teach the inspector (PgUnmodelled) "
                    + "and this test about this kind of object");
        }
    }

    /** Every user object of every per-database catalog with an oid column. */
    private static List<Found> enumerate(TestDatabase db) throws SQLException {
        List<Found> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            List<String> catalogs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                    + "AND a.attname = 'oid' WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' "
                    + "AND NOT c.relisshared AND c.relname NOT IN ('pg_largeobject_metadata', 'pg_enum') ORDER BY 1")) {
                while (rs.next()) {
                    catalogs.add(rs.getString(1));
                }
            }
            assertThat(catalogs).contains("pg_class", "pg_proc", "pg_type", "pg_operator", "pg_cast", "pg_collation",
                    "pg_ts_config", "pg_foreign_data_wrapper", "pg_event_trigger", "pg_publication");
            for (String catalog : catalogs) {
                String sql = "SELECT i.type, i.identity, CASE WHEN '" + catalog + "' = 'pg_type' THEN "
                        + "(SELECT CASE WHEN t.typcategory = 'A' OR (t.typrelid <> 0 AND (SELECT relkind FROM pg_class "
                        + "WHERE oid = t.typrelid) <> 'c') THEN 'part' ELSE t.typtype::text END FROM pg_type t "
                        + "WHERE t.oid = o.oid) END AS detail "
                        + "FROM pg_catalog." + catalog + " o, pg_identify_object('pg_catalog." + catalog
                        + "'::regclass, o.oid, 0) i WHERE o.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend x "
                        + "WHERE x.classid = 'pg_catalog." + catalog + "'::regclass AND x.objid = o.oid AND x.deptype = 'e')";
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        out.add(new Found(catalog, rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        return out;
    }
}
