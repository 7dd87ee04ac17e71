package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.CrossVersionVerdicts;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;
import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.EmbeddedVersions;
import dev.driftd.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet on several PostgreSQL majors (golden on 16; members on 14, 17 and 18, built from the same
 * SQL): no drift is invented by what each server prints for the same object, an undecidable
 * difference is shown as version_dependent, and a real drift on the 18 member is reported and its
 * plan converges there.
 */
@Tag(EmbeddedVersions.OWN_SERVERS)
class PgCrossVersionFleetTest {
    static String[] statements;
    static TestDatabase g16;
    static TestDatabase m14;
    static TestDatabase m17;
    static TestDatabase m18;
    final Engine engine = new Engine();

    @BeforeAll
    static void build() throws IOException {
        statements = schema();
        g16 = EmbeddedVersions.postgres(16).createDatabase("w16c_g16").execute(statements);
        m14 = EmbeddedVersions.postgres(14).createDatabase("w16c_m14").execute(statements);
        m17 = EmbeddedVersions.postgres(17).createDatabase("w16c_m17").execute(statements);
        m18 = EmbeddedVersions.postgres(18).createDatabase("w16c_m18").execute(statements);
    }

    /** The fleet's schema, statement by statement (it holds a BEGIN ATOMIC body pgjdbc cannot take whole). */
    static String[] schema() throws IOException {
        try (InputStream in = PgCrossVersionFleetTest.class.getResourceAsStream("/crossversion/fleet.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return StatementSplitter.texts(sql, StatementSplitter.Syntax.POSTGRES).toArray(String[]::new);
        }
    }

    @AfterAll
    static void drop() {
        for (TestDatabase db : new TestDatabase[] {g16, m14, m17, m18}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @BeforeEach
    void forgetVerdicts() {
        CrossVersionVerdicts.forgetAll();
    }

    private Snapshot snapshot(TestDatabase db) {
        return engine.snapshot(db.target("public"), InspectOptions.DEFAULT);
    }

    private Diff across(Snapshot golden, TestDatabase goldenDb, Snapshot member, TestDatabase memberDb) {
        return engine.diffAcrossVersions(golden, goldenDb == null ? null : goldenDb.target("public"), member,
                memberDb.target("public"), InspectOptions.DEFAULT);
    }

    @Test
    void everyMemberIsInSyncWithAGoldenOfAnotherMajor() {
        Snapshot golden = snapshot(g16);
        assertThat(golden.getServerVersion()).startsWith("16.");
        // the plain comparison of 14's text with 16's: what the servers print differs
        Snapshot s14 = snapshot(m14);
        assertThat(Differ.describe(Differ.compare(golden, s14))).as("14 vs 16, as text")
                .singleElement().asString().startsWith("changed materialized view mv (breaking): definition: "
                        + "\"SELECT orders.status,");
        for (TestDatabase m : new TestDatabase[] {m14, m17, m18}) {
            Snapshot s = snapshot(m);
            Diff d = across(golden, g16, s, m);
            assertThat(Differ.describe(d)).as("%s against golden on 16", s.getServerVersion()).isEmpty();
            assertThat(d.inSync()).isTrue();
            // what the daemon's later diffs (API, reconcile, apply verification) see without asking again
            assertThat(engine.diff(golden, s).changes()).isEmpty();
        }
    }

    @Test
    void whatNoServerCanSettleIsShownAsVersionDependentNotDrift() {
        // 13 has no BEGIN ATOMIC bodies: that function is left out on both sides
        String[] without = java.util.Arrays.stream(statements).filter(x -> !x.contains("BEGIN ATOMIC"))
                .toArray(String[]::new);
        try (TestDatabase g13 = EmbeddedVersions.postgres(13).createDatabase("w16c_g13").execute(without);
             TestDatabase m16 = EmbeddedVersions.postgres(16).createDatabase("w16c_v16").execute(without)) {
            // golden on 13, member on 16: 16 reading 13's timezone('UTC', x) call keeps that form where
            // its own reads AT TIME ZONE, and 13's server is not given, so nobody can say whether the
            // texts are one object
            Snapshot golden = snapshot(g13);
            Snapshot member = snapshot(m16);
            assertThat(Differ.describe(Differ.compare(golden, member))).as("13 vs 16, as text")
                    .anyMatch(l -> l.startsWith("changed index customers.customers_day"))
                    .anyMatch(l -> l.startsWith("changed column orders.placed"));
            Diff alone = across(golden, null, member, m16);
            assertThat(alone.changes()).as(Differ.describe(alone).toString()).isNotEmpty()
                    .allSatisfy(c -> {
                        assertThat(c.versionDependent()).isTrue();
                        assertThat(c.drift()).isFalse();
                        assertThat(c.describe()).contains("version_dependent: not drift");
                    })
                    .anyMatch(c -> c.key().display().equals("index customers.customers_day"));
            assertThat(alone.inSync()).isTrue();
            assertThat(alone.countsBySeverity().values()).containsOnly(0);

            // given golden's server too, 13 reads 16's texts back as its own: the same objects
            Diff both = across(golden, g13, member, m16);
            assertThat(Differ.describe(both)).isEmpty();
        }
    }

    @Test
    void aRealDriftOnThe18MemberIsReportedAndItsPlanConvergesThere() {
        try (TestDatabase d18 = EmbeddedVersions.postgres(18).createDatabase("w16c_d18").execute(statements)) {
            d18.execute("ALTER TABLE orders DROP CONSTRAINT orders_status_check",
                    "ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid'))",
                    "ALTER TABLE customers ALTER COLUMN name SET DEFAULT 'nobody'",
                    "DROP INDEX orders_expr");
            Snapshot golden = snapshot(g16);
            Snapshot before = snapshot(d18);
            Diff d = across(golden, g16, before, d18);
            assertThat(Differ.describe(d)).containsExactlyInAnyOrder(
                    "changed column customers.name (breaking): defaultExpression: \"'nobody'\" -> \"'anon'\"",
                    "missing index orders.orders_expr (breaking)",
                    "changed check constraint orders.orders_status_check (breaking): expression: \"status::text = ANY "
                            + "(ARRAY['new'::character varying::text, 'paid'::character varying::text])\" -> \"status::text "
                            + "= ANY (ARRAY['new'::character varying::text, 'paid'::character varying::text, "
                            + "'shipped'::character varying::text])\"");
            assertThat(d.changes()).noneMatch(Change::versionDependent);

            Plan plan = engine.plan(d, golden, before, PlanOptions.DEFAULT);
            engine.apply(d18.target("public"), plan, false, InspectOptions.DEFAULT);
            Snapshot after = snapshot(d18);
            Diff again = across(golden, g16, after, d18);
            assertThat(Differ.describe(again)).as("after the plan").isEmpty();
            assertThat(after.fingerprint()).isEqualTo(snapshot(m18).fingerprint());
        }
    }
}
