package dev.driftd.fleet;

import dev.driftd.config.GoldenConfig;
import dev.driftd.schema.ObjectKind;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kind the model does not read reaches the daemon's answers: a member whose compared objects
 * equal golden's is in sync, and the sweep's runner says which kinds that does not cover.
 */
class NotInspectedSweepTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = """
            CREATE TABLE items (id int PRIMARY KEY);
            CREATE FUNCTION h13_same(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
            CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = h13_same);
            """;

    @Test
    void anUnmodelledKindIsListedForAMemberInSync() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase golden = pg.createDatabase("h13_ni_g").execute(SCHEMA);
             TestDatabase a = pg.createDatabase("h13_ni_a").execute(SCHEMA);
             // the operator differs in what it calls: not compared, so still in sync, and said so
             TestDatabase b = pg.createDatabase("h13_ni_b").execute(SCHEMA.replace("FUNCTION = h13_same",
                     "FUNCTION = int4eq"));
             TestDatabase plain = pg.createDatabase("h13_ni_p").execute("CREATE TABLE items (id int PRIMARY KEY)")) {
            FleetRunner r = fx.runner(TestFleets.fleet("f")
                    .golden(new GoldenConfig.Url(golden.url(), null, null, null))
                    .member("a", a.url()).member("b", b.url()).build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(member(s, "a").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "b").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(r.notInspected("a")).containsExactly(ObjectKind.OPERATOR);
            assertThat(r.notInspected("b")).containsExactly(ObjectKind.OPERATOR);
            assertThat(r.diff("a")).hasValueSatisfying(d -> assertThat(d.notInspected()).containsExactly(ObjectKind.OPERATOR));
            assertThat(r.notInspected("nosuch")).isEmpty();
            // the whole fleet at once (GET /api/v1/fleets/{f}) answers what member by member does
            assertThat(r.notInspectedByMember()).isEqualTo(java.util.Map.of(
                    "a", java.util.Set.of(ObjectKind.OPERATOR), "b", java.util.Set.of(ObjectKind.OPERATOR)));

            // a fleet with no such object anywhere compares everything
            FleetRunner clean = fx.runner(TestFleets.fleet("clean")
                    .golden(new GoldenConfig.Url(plain.url(), null, null, null))
                    .member("p", plain.url()).build());
            clean.runSweep();
            assertThat(member(clean.status(), "p").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(clean.notInspected("p")).isEmpty();
            assertThat(clean.notInspectedByMember()).isEqualTo(java.util.Map.of("p", java.util.Set.of()));
        }
    }
}
