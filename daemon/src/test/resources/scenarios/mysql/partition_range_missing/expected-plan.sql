-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: e00df08cbfb8da05673b5614bf411b532a7539bac810ed5e7c927483879142bb
SET SESSION lock_wait_timeout = 10;

-- table metrics: partition
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics`
  PARTITION BY RANGE (year(`day`)) (PARTITION `p2024` VALUES LESS THAN (2025), PARTITION `pmax` VALUES LESS THAN MAXVALUE);
