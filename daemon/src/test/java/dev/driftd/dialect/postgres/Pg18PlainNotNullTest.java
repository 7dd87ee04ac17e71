package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Column;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.EmbeddedVersions;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL 18 names every NOT NULL, but a NOT NULL nobody named reads as before: the same DDL
 * on 18 and on the tests' server (15 or 14) fingerprints equal, so an 18 fleet, or a fleet on its
 * way to 18, sees no drift from the new catalog rows. Covers the names the server picks itself in
 * the awkward cases: cut to 63 bytes (inside a multibyte name too), numbered when the name is
 * taken, inherited by partitions and children, implied by a primary key, set by ALTER.
 */
@Tag(EmbeddedVersions.OWN_SERVERS)
class Pg18PlainNotNullTest {
    private static final String LONG_TABLE = "a_table_name_long_enough_to_be_cut_short_by_the_server";
    private static final String LONG_COLUMN = "äöüäöüäöüäöüäöüäöüäöü";

    private static final String SCHEMA = "CREATE TABLE plain (id int PRIMARY KEY, a int NOT NULL, b text, "
            + "c int GENERATED ALWAYS AS (a * 2) STORED);"
            + "ALTER TABLE plain ALTER COLUMN b SET NOT NULL;"
            + "CREATE TABLE " + LONG_TABLE + " (\"" + LONG_COLUMN + "\" int NOT NULL, "
            + "another_rather_long_column_name_for_the_cut int NOT NULL);"
            + "CREATE TABLE taken (a int, CONSTRAINT taken_a_not_null CHECK (a > 0));"
            + "ALTER TABLE taken ALTER COLUMN a SET NOT NULL;"
            + "CREATE TABLE parted (id int NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);"
            + "CREATE TABLE parted_2026 PARTITION OF parted FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"
            + "CREATE TABLE parent (id int NOT NULL, note text);"
            + "CREATE TABLE child (extra int NOT NULL) INHERITS (parent);"
            + "CREATE TABLE keyed (k1 int, k2 int, CONSTRAINT keyed_pk PRIMARY KEY (k1, k2), "
            + "u int UNIQUE, r int REFERENCES plain (id));";

    private final Engine engine = new Engine();

    @Test
    void plainNotNullOn18FingerprintsAsOnEarlierServers() throws SQLException {
        try (TestDatabase on18 = EmbeddedVersions.postgres(18).createDatabase("pg18_plain");
             TestDatabase earlier = TestDatabases.postgres().createDatabase("pg18_plain")) {
            on18.execute(SCHEMA);
            // before 15 PUBLIC may CREATE in schema public: a real difference of the servers' defaults,
            // not of NOT NULL (a no-op on 15 and later)
            earlier.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC", SCHEMA);
            assertThat(namedByTheServer(on18)).as("NOT NULL constraints 18 named itself")
                    .contains(cutName(LONG_TABLE, LONG_COLUMN), "taken_a_not_null1");

            Snapshot s18 = engine.snapshot(on18.target("public"), InspectOptions.DEFAULT);
            Snapshot sEarlier = engine.snapshot(earlier.target("public"), InspectOptions.DEFAULT);

            List<String> detailed = new ArrayList<>();
            for (var o : s18.objects()) {
                if (o instanceof Column c && c.hasNotNullConstraintDetails()) {
                    detailed.add(c.key().display() + " " + c.notNullName());
                }
            }
            assertThat(detailed).as("columns read with NOT NULL details on 18").isEmpty();
            dev.driftd.diff.Diff diff = engine.diff(sEarlier, s18);
            assertThat(diff.inSync()).as("18 against %s: %s", sEarlier.getServerVersion(), diff.changes()).isTrue();
            assertThat(s18.fingerprint()).isEqualTo(sEarlier.fingerprint());
        }
    }

    @Test
    void defaultNamesAreTheServersOwn() throws SQLException {
        try (TestDatabase on18 = EmbeddedVersions.postgres(18).createDatabase("pg18_names")) {
            on18.execute(SCHEMA);
            try (Connection c = on18.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT r.relname, a.attname, k.conname FROM pg_constraint k "
                         + "JOIN pg_class r ON r.oid = k.conrelid JOIN pg_attribute a ON a.attrelid = k.conrelid "
                         + "AND a.attnum = k.conkey[1] WHERE k.contype = 'n' AND k.conislocal "
                         + "AND r.relnamespace = 'public'::regnamespace")) {
                int seen = 0;
                while (rs.next()) {
                    seen++;
                    assertThat(PgNotNull.isDefaultName(rs.getString(1), rs.getString(2), rs.getString(3)))
                            .as("%s.%s: %s", rs.getString(1), rs.getString(2), rs.getString(3)).isTrue();
                }
                assertThat(seen).isGreaterThan(10);
            }
            assertThat(PgNotNull.isDefaultName("plain", "a", "a_required")).isFalse();
            assertThat(PgNotNull.isDefaultName("plain", "a", "plain_b_not_null")).isFalse();
        }
    }

    /** Renaming by the unnumbered default name would rename the check that holds it: warned, not planned. */
    @Test
    void aNumberedDefaultNameIsNotRenamedBlindly() {
        String check = "CREATE TABLE taken (a int, CONSTRAINT taken_a_not_null CHECK (a > 0));";
        try (TestDatabase golden = EmbeddedVersions.postgres(18).createDatabase("pg18_numbered");
             TestDatabase target = EmbeddedVersions.postgres(18).createDatabase("pg18_numbered")) {
            golden.execute(check + "ALTER TABLE taken ADD CONSTRAINT a_required NOT NULL a");
            target.execute(check + "ALTER TABLE taken ALTER COLUMN a SET NOT NULL");
            Snapshot g = engine.snapshot(golden.target("public"), InspectOptions.DEFAULT);
            Snapshot t = engine.snapshot(target.target("public"), InspectOptions.DEFAULT);
            dev.driftd.plan.Plan plan = engine.plan(engine.diff(g, t), g, t, dev.driftd.dialect.PlanOptions.DEFAULT);
            assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("numbered", "a_required"));
            assertThat(dev.driftd.plan.SqlScript.render(plan, true)).doesNotContain("RENAME CONSTRAINT");
        }
    }

    private static String cutName(String table, String column) {
        return PgNotNull.defaultName(table, column);
    }

    private static List<String> namedByTheServer(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT conname FROM pg_constraint WHERE contype = 'n' "
                     + "AND connamespace = 'public'::regnamespace")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
