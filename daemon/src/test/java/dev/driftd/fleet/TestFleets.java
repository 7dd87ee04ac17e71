package dev.driftd.fleet;

import dev.driftd.config.DiscoverConfig;
import dev.driftd.config.FleetConfig;
import dev.driftd.config.GoldenConfig;
import dev.driftd.config.MemberConfig;
import dev.driftd.config.RolloutConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds fleet configurations in tests without YAML. */
public final class TestFleets {
    private String name = "f";
    private GoldenConfig golden = new GoldenConfig.Majority();
    private int concurrency = 4;
    private int perServer = 4;
    private int shards = 1;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration fullSnapshotEvery = FleetConfig.DEFAULT_FULL_SNAPSHOT_EVERY;
    private String schedule = "0 0 0 1 1 ? 2099";
    private final List<MemberConfig> members = new ArrayList<>();
    private final List<DiscoverConfig> discover = new ArrayList<>();

    /**
     * Member names {@code prefix0, prefix1, …}, the first {@code perShard} that fall in each shard
     * of {@code shards}, in the order of their numbers: a sharded fleet with no empty shard.
     */
    public static List<String> namesPerShard(String prefix, int shards, int perShard) {
        int[] taken = new int[shards];
        List<String> out = new ArrayList<>();
        for (int k = 0; out.size() < shards * perShard; k++) {
            String name = prefix + k;
            int shard = Shard.of(name, shards);
            if (taken[shard] < perShard) {
                taken[shard]++;
                out.add(name);
            }
        }
        return out;
    }

    public static TestFleets fleet(String name) {
        TestFleets t = new TestFleets();
        t.name = name;
        return t;
    }

    public TestFleets golden(GoldenConfig g) {
        golden = g;
        return this;
    }

    public TestFleets concurrency(int all, int perServer) {
        this.concurrency = all;
        this.perServer = perServer;
        return this;
    }

    public TestFleets fullSnapshotEvery(Duration d) {
        fullSnapshotEvery = d;
        return this;
    }

    public TestFleets shards(int n) {
        shards = n;
        return this;
    }

    public TestFleets timeout(Duration d) {
        timeout = d;
        return this;
    }

    public TestFleets schedule(String cron) {
        schedule = cron;
        return this;
    }

    public TestFleets member(String member, String url) {
        members.add(new MemberConfig(member, url, null, null, null));
        return this;
    }

    public TestFleets member(String member, String url, String schema) {
        members.add(new MemberConfig(member, url, null, null, schema));
        return this;
    }

    public TestFleets memberWithPassword(String member, String url, String user, String password) {
        members.add(new MemberConfig(member, url, user, new dev.driftd.config.Secret(password, "env TEST"), null));
        return this;
    }

    public TestFleets discoverDatabases(String url, String regex) {
        discover.add(new DiscoverConfig(url, null, null, Pattern.compile(regex), null));
        return this;
    }

    public TestFleets discoverSchemas(String url, String regex) {
        discover.add(new DiscoverConfig(url, null, null, null, Pattern.compile(regex)));
        return this;
    }

    public FleetConfig build() {
        return new FleetConfig(name, schedule, golden, concurrency, perServer, shards, false, 1, RolloutConfig.DEFAULT,
                timeout, fullSnapshotEvery, members, discover);
    }
}
