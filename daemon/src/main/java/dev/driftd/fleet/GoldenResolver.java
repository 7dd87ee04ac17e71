package dev.driftd.fleet;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.GoldenConfig;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.store.SnapshotArchive;
import dev.driftd.util.SqlErrors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a fleet's golden once per sweep. A {@code member} or {@code majority} golden is taken
 * from the snapshots the sweep has just made (no second read); {@code url} and {@code sql} are
 * read now; a {@code snapshot} comes from the store. Never throws: a failure is a {@link Golden}
 * with an error.
 */
public final class GoldenResolver {
    private final Engine engine;
    private final SnapshotArchive store;
    private final ScratchGolden scratch;

    public GoldenResolver(Engine engine, SnapshotArchive store) {
        this.engine = engine;
        this.store = store;
        this.scratch = new ScratchGolden(engine);
    }

    /** True when the golden is one of the members' own snapshots, so members are read first. */
    public static boolean fromMembers(GoldenConfig golden) {
        return golden instanceof GoldenConfig.Member || golden instanceof GoldenConfig.Majority;
    }

    /**
     * @param snapshots this sweep's snapshots of reachable members, by name
     * @param failures  this sweep's failures of unreachable members, by name (one-line reasons)
     */
    public Golden resolve(FleetConfig fleet, Map<String, Snapshot> snapshots, Map<String, String> failures) {
        return resolve(fleet, snapshots, failures, Map.of());
    }

    /**
     * For one shard of a sharded fleet: a {@code majority} vote also counts {@code otherShards}
     * (members of the other shards, by name, with the fingerprint of their last good snapshot), so
     * every shard votes over the whole fleet and they agree on golden; the winning snapshot comes
     * from the store when no member of this shard has it.
     */
    public Golden resolve(FleetConfig fleet, Map<String, Snapshot> snapshots, Map<String, String> failures,
                          Map<String, String> otherShards) {
        GoldenConfig g = fleet.golden();
        String source = g.describe();
        try {
            if (g instanceof GoldenConfig.Member m) {
                Snapshot s = snapshots.get(m.member());
                if (s != null) {
                    return Golden.of(s, source);
                }
                String why = failures.get(m.member());
                return Golden.failed(source, why != null ? "golden member " + m.member() + " is unreachable: " + why
                        : "golden member " + m.member() + " is not in the fleet (not configured and not discovered)");
            }
            if (g instanceof GoldenConfig.Majority) {
                Map<String, String> fps = new LinkedHashMap<>(otherShards);
                snapshots.forEach((member, s) -> fps.put(member, s.fingerprint()));
                Optional<String> fp = MajorityVote.pick(fps);
                if (fp.isEmpty()) {
                    return Golden.failed(source, "no member was reachable to vote on a majority");
                }
                Optional<Snapshot> fresh = snapshots.values().stream().filter(x -> x.fingerprint().equals(fp.get()))
                        .findFirst();
                Optional<Snapshot> s = fresh.isPresent() ? fresh : store.snapshot(fp.get());
                return s.map(x -> Golden.of(x, source)).orElseGet(() -> Golden.failed(source,
                        "the majority variant " + fp.get() + " (members of other shards) is no longer stored"));
            }
            InspectOptions options = new InspectOptions(fleet.timeout());
            if (g instanceof GoldenConfig.Url u) {
                return Golden.of(engine.snapshot(u.target(), options), source);
            }
            if (g instanceof GoldenConfig.Sql sql) {
                return Golden.of(scratch.snapshot(sql, options), source);
            }
            GoldenConfig.Snapshot pinned = (GoldenConfig.Snapshot) g;
            List<String> matches = store.fingerprintsStartingWith(pinned.fingerprint());
            if (matches.isEmpty()) {
                return Golden.failed(source, "no snapshot " + pinned.fingerprint() + " in the store");
            }
            if (matches.size() > 1) {
                return Golden.failed(source, "snapshot prefix " + pinned.fingerprint() + " is ambiguous ("
                        + matches.size() + " snapshots); give more digits");
            }
            return store.snapshot(matches.get(0)).map(s -> Golden.of(s, source))
                    .orElseGet(() -> Golden.failed(source, "snapshot " + matches.get(0) + " vanished from the store"));
        } catch (RuntimeException e) {
            return Golden.failed(source, SqlErrors.oneLine(e));
        }
    }
}
