package dev.driftd.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The last sweep of each fleet ({@code driftd_fleet_state}) and of each shard of a fleet
 * ({@code driftd_shard_state}), with the golden it compared against: one record per key, replaced
 * by each sweep, so a restart (or another cluster node) can answer diffs at once.
 */
final class SweepStateTables {
    private static final List<String> SWEEP_COLUMNS = List.of("golden_fingerprint", "golden_error",
            "last_sweep_started", "last_sweep_finished", "updated");
    /** A shard's row: how many shards the fleet had, then the same sweep columns as a fleet's. */
    private static final List<String> SHARD_COLUMNS = Stream.concat(Stream.of("shards"), SWEEP_COLUMNS.stream())
            .toList();

    private final Jdbc jdbc;

    SweepStateTables(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void saveFleet(FleetRecord r) {
        jdbc.call("record fleet " + r.fleet(), c -> {
            Jdbc.upsert(c, "driftd_fleet_state", List.of("fleet"), SWEEP_COLUMNS, r.goldenFingerprint(),
                    Jdbc.maskedText(r.goldenError(), 1000), r.lastSweepStarted(), r.lastSweepFinished(), Instant.now(),
                    r.fleet());
            return null;
        });
    }

    void saveShard(ShardRecord r) {
        jdbc.call("record shard " + r.shard() + " of fleet " + r.fleet(), c -> {
            Jdbc.upsert(c, "driftd_shard_state", List.of("fleet", "shard"), SHARD_COLUMNS, r.shards(),
                    r.goldenFingerprint(), Jdbc.maskedText(r.goldenError(), 1000), r.lastSweepStarted(),
                    r.lastSweepFinished(), Instant.now(), r.fleet(), r.shard());
            return null;
        });
    }

    Optional<FleetRecord> fleet(String fleet) {
        return jdbc.call("read fleet " + fleet, c -> Jdbc.queryFirst(c, "SELECT golden_fingerprint, golden_error, "
                        + "last_sweep_started, last_sweep_finished FROM driftd_fleet_state WHERE fleet = ?",
                rs -> new FleetRecord(fleet, rs.getString(1), rs.getString(2), Jdbc.instant(rs, 3), Jdbc.instant(rs, 4)),
                fleet));
    }

    /** The recorded shard sweeps of a fleet, by shard; rows of an earlier shard count included (see {@code shards}). */
    List<ShardRecord> shards(String fleet) {
        return jdbc.call("read the shards of fleet " + fleet, c -> Jdbc.query(c, "SELECT shard, shards, "
                        + "golden_fingerprint, golden_error, last_sweep_started, last_sweep_finished "
                        + "FROM driftd_shard_state WHERE fleet = ? ORDER BY shard",
                rs -> new ShardRecord(fleet, rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Jdbc.instant(rs, 5), Jdbc.instant(rs, 6)),
                fleet));
    }
}
