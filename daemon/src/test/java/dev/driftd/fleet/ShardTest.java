package dev.driftd.fleet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member partition of sharded fleets: stable, total, disjoint, and spread evenly enough. */
class ShardTest {
    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("tenant_" + String.format("%05d", i));
        }
        return out;
    }

    @Test
    void aMemberAlwaysLandsInTheSameShard() {
        // pinned: SHA-256 of the UTF-8 name, first 8 bytes as a signed big-endian long, floor mod N
        // (what docs/cluster.md tells operators); other nodes, versions and restarts must agree
        assertThat(Shard.of("tenant_0001", 3)).isEqualTo(1);
        assertThat(Shard.of("tenant_0001", 7)).isEqualTo(5);
        assertThat(Shard.of("tenant_0001", 64)).isEqualTo(60);
        assertThat(Shard.of("template", 3)).isEqualTo(2);
        assertThat(Shard.of("ünïcode", 7)).isEqualTo(6);
        for (String n : names(200)) {
            assertThat(Shard.of(n, 5)).isEqualTo(Shard.of(new String(n.toCharArray()), 5));
        }
    }

    @Test
    void theShardsOfAFleetHoldEveryMemberExactlyOnce() {
        List<String> members = names(3000);
        for (int count = 1; count <= 8; count++) {
            int[] sizes = new int[count];
            for (String m : members) {
                int holders = 0;
                for (int i = 0; i < count; i++) {
                    if (new Shard(i, count).contains(m)) {
                        holders++;
                        sizes[i]++;
                        assertThat(Shard.of(m, count)).isEqualTo(i);
                    }
                }
                assertThat(holders).as("shards of %d holding %s", count, m).isEqualTo(1);
            }
            double even = members.size() / (double) count;
            for (int i = 0; i < count; i++) {
                assertThat(sizes[i]).as("members in shard %d of %d", i, count).isBetween((int) (even * 0.85),
                        (int) (even * 1.15));
            }
        }
    }

    @Test
    void oneShardIsTheWholeFleet() {
        assertThat(Shard.WHOLE.whole()).isTrue();
        assertThat(names(50)).allSatisfy(n -> assertThat(Shard.WHOLE.contains(n)).isTrue());
        assertThat(new Shard(2, 3)).hasToString("2/3");
        assertThatThrownBy(() -> new Shard(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void combinedResultAddsUpTheShards() {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        SweepResult a = new SweepResult("f", t0.plusSeconds(1), t0.plusSeconds(5), 3, 2, 1, 0, null, 1);
        SweepResult b = new SweepResult("f", t0, t0.plusSeconds(3), 4, 1, 1, 2, "golden down", 0);
        SweepResult c = new SweepResult("f", t0.plusSeconds(2), t0.plusSeconds(9), 2, 2, 0, 0, null, 2);
        assertThat(SweepResult.combine("f", List.of(a, b, c)))
                .isEqualTo(new SweepResult("f", t0, t0.plusSeconds(9), 9, 5, 2, 2, "golden down", 3));
        assertThat(SweepResult.combine("f", List.of(a))).isEqualTo(a);
    }
}
