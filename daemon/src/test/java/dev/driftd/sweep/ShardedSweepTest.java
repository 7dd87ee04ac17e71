package dev.driftd.sweep;

import dev.driftd.store.MemberRow;
import dev.driftd.config.GoldenConfig;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.Shard;
import dev.driftd.fleet.SweepFixture;
import dev.driftd.fleet.SweepResult;
import dev.driftd.fleet.TestFleets;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet with {@code shards: 3} on one node, against real PostgreSQL schemas (one schema per
 * tenant): each shard's sweep keeps to its own members, the fleet's status and the store hold all
 * of them, a member that leaves is removed by its own shard only, and golden is the same for every
 * shard (a majority counted over the whole fleet, a golden member read by every shard).
 */
class ShardedSweepTest {
    private static final int SHARDS = 3;
    private static final String TABLE = "CREATE TABLE %s.items (id INT PRIMARY KEY, name VARCHAR(40))";

    @TempDir
    Path dir;

    private static List<String> tenantsPerShard() {
        return TestFleets.namesPerShard("tn_", SHARDS, 3);
    }

    private static List<String> inShard(List<String> tenants, int shard) {
        return tenants.stream().filter(t -> Shard.of(t, SHARDS) == shard).toList();
    }

    private static List<String> names(FleetStatus s) {
        return s.members().stream().map(MemberStatus::member).toList();
    }

    private static TestDatabase tenants(List<String> names) {
        TestDatabase db = TestDatabases.postgres().createDatabase("shd");
        for (String t : names) {
            db.execute("CREATE SCHEMA " + t, String.format(TABLE, t));
        }
        return db;
    }

    @Test
    void shardsSweepTheirOwnMembersAndTheFleetHoldsThemAll() throws Exception {
        List<String> tenants = tenantsPerShard();
        List<String> shard0 = inShard(tenants, 0);
        List<String> shard1 = inShard(tenants, 1);
        try (SweepFixture fx = new SweepFixture(dir); TestDatabase db = tenants(tenants)) {
            // two of shard 0's three tenants drifted: a majority there, a minority of the fleet
            db.execute("ALTER TABLE " + shard0.get(0) + ".items ADD COLUMN hotfix INT",
                    "ALTER TABLE " + shard0.get(1) + ".items ADD COLUMN hotfix INT");
            FleetRunner runner = fx.runner(TestFleets.fleet("tenants").shards(SHARDS)
                    .golden(new GoldenConfig.Majority()).discoverSchemas(db.url(), "tn_.*").build());

            SweepResult first = runner.runSweep(0);
            assertThat(first.members()).isEqualTo(3);
            assertThat(names(runner.status())).containsExactlyInAnyOrderElementsOf(shard0);

            runner.runSweep();
            fx.events.clear();
            SweepResult all = runner.runSweep();
            assertThat(fx.events.sweeps).extracting(SweepResult::members).containsExactly(3, 3, 3);
            assertThat(all.members()).isEqualTo(9);
            assertThat(all.inSync()).isEqualTo(7);
            assertThat(all.drifted()).isEqualTo(2);
            FleetStatus s = runner.status();
            assertThat(names(s)).containsExactlyInAnyOrderElementsOf(tenants);
            // the vote counts every shard: shard 0's own majority (the hotfix) is not golden
            assertThat(s.goldenFingerprint()).isEqualTo(member(s, shard1.get(0)).fingerprint());
            for (String t : tenants) {
                assertThat(member(s, t).state()).as(t).isEqualTo(t.equals(shard0.get(0)) || t.equals(shard0.get(1))
                        ? MemberState.DRIFTED : MemberState.IN_SYNC);
            }
            assertThat(fx.store.memberStates("tenants")).extracting(MemberRow::member)
                    .containsExactlyInAnyOrderElementsOf(tenants);
            assertThat(s.variants()).hasSize(2);

            // a tenant of shard 1 is dropped: shard 2's sweep leaves it alone, shard 1's removes it
            String gone = shard1.get(2);
            db.execute("DROP SCHEMA " + gone + " CASCADE");
            runner.runSweep(2);
            assertThat(names(runner.status())).hasSize(9).contains(gone);
            assertThat(fx.store.memberStates("tenants")).extracting(MemberRow::member).contains(gone);
            assertThat(fx.events.removed).isEmpty();
            runner.runSweep(1);
            List<String> left = tenants.stream().filter(t -> !t.equals(gone)).toList();
            assertThat(names(runner.status())).containsExactlyInAnyOrderElementsOf(left);
            assertThat(fx.store.memberStates("tenants")).extracting(MemberRow::member)
                    .containsExactlyInAnyOrderElementsOf(left);
            assertThat(fx.events.removed).containsExactly("tenants/" + gone);
            // and the sweeps of the other shards do not bring it back or lose anyone else
            runner.runSweep(0);
            runner.runSweep(2);
            assertThat(names(runner.status())).containsExactlyInAnyOrderElementsOf(left);
            assertThat(fx.store.shardStates("tenants")).extracting(r -> r.shard() + "/" + r.shards())
                    .containsExactly("0/3", "1/3", "2/3");
        }
    }

    @Test
    void aGoldenMemberInAnotherShardIsReadButNotRecordedByTheOthers() throws Exception {
        List<String> tenants = tenantsPerShard();
        String template = inShard(tenants, 0).get(0);
        List<String> shard2 = inShard(tenants, 2);
        try (SweepFixture fx = new SweepFixture(dir); TestDatabase db = tenants(tenants)) {
            db.execute("CREATE INDEX items_name ON " + shard2.get(1) + ".items (name)");
            FleetRunner runner = fx.runner(TestFleets.fleet("tenants").shards(SHARDS)
                    .golden(new GoldenConfig.Member(template)).discoverSchemas(db.url(), "tn_.*").build());

            SweepResult r = runner.runSweep(2);
            FleetStatus s = runner.status();
            assertThat(r.goldenError()).isNull();
            assertThat(r.inSync()).isEqualTo(2);
            assertThat(r.drifted()).isEqualTo(1);
            assertThat(member(s, shard2.get(1)).state()).isEqualTo(MemberState.DRIFTED);
            // shard 0's member was read for golden only: not a member of shard 2's sweep, not counted
            assertThat(names(s)).containsExactlyInAnyOrderElementsOf(shard2);
            assertThat(fx.events.taken).hasSize(3).noneMatch(t -> t.contains(template));
            assertThat(fx.store.memberStates("tenants")).extracting(MemberRow::member)
                    .containsExactlyInAnyOrderElementsOf(shard2);
        }
    }
}
