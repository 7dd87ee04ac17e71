package dev.driftd.store;

import java.time.Instant;

/**
 * The last sweep of one shard of a fleet ({@code shard} of {@code shards}; an unsharded fleet is
 * shard 0 of 1) and the golden it compared against. Cluster nodes compare these with what they
 * know to tell when another node swept a shard, and adopt the members' stored states then.
 */
public record ShardRecord(String fleet, int shard, int shards, String goldenFingerprint, String goldenError,
                          Instant lastSweepStarted, Instant lastSweepFinished) {
}
