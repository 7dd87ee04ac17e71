package dev.driftd.sweep;

import dev.driftd.config.GoldenConfig;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.SweepFixture;
import dev.driftd.fleet.SweepResult;
import dev.driftd.fleet.TestFleets;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MySQL-family members whose catalog marker did not move are not read again, and a changed one is. */
class MariadbUnchangedSweepTest {
    @TempDir
    Path dir;

    private static final String TABLE = "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))";

    @Test
    void unchangedMembersCostTheMarkerAndChangedOnesAreReadAgain() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase golden = my.createDatabase("b20_golden").execute(TABLE);
             TestDatabase a = my.createDatabase("b20_a").execute(TABLE);
             TestDatabase b = my.createDatabase("b20_b").execute(TABLE)) {
            FleetRunner runner = fx.runner(TestFleets.fleet("f").golden(new GoldenConfig.Member("golden"))
                    .member("golden", golden.url()).member("a", a.url()).member("b", b.url()).build());
            assertThat(runner.runSweep().reused()).isZero();
            a.execute("INSERT INTO items VALUES (1, 'data is not schema')");
            SweepResult second = runner.runSweep();
            assertThat(second.reused()).as("no DDL anywhere").isEqualTo(3);
            assertThat(second.inSync()).isEqualTo(3);

            a.execute("ALTER TABLE items MODIFY name VARCHAR(40) COMMENT 'changed by hand'");
            SweepResult third = runner.runSweep();
            assertThat(third.reused()).as("all but the changed member").isEqualTo(2);
            assertThat(member(runner.status(), "a").state()).isEqualTo(MemberState.DRIFTED);
            assertThat(member(runner.status(), "b").state()).isEqualTo(MemberState.IN_SYNC);

            a.execute("ALTER TABLE items MODIFY name VARCHAR(40)");
            SweepResult fourth = runner.runSweep();
            assertThat(fourth.reused()).isEqualTo(2);
            assertThat(member(runner.status(), "a").state()).as("fixed by hand, seen at once").isEqualTo(MemberState.IN_SYNC);
        }
    }
}
