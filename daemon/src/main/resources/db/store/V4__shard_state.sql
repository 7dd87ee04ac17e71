-- Version 4: the last sweep of each shard of a fleet (ShardRecord); fleets with `shards: N`.
CREATE TABLE IF NOT EXISTS driftd_shard_state (
    fleet VARCHAR(255) NOT NULL,
    shard INT NOT NULL,
    shards INT NOT NULL,
    golden_fingerprint VARCHAR(64),
    golden_error VARCHAR(1000),
    last_sweep_started TIMESTAMP WITH TIME ZONE,
    last_sweep_finished TIMESTAMP WITH TIME ZONE,
    updated TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (fleet, shard));
