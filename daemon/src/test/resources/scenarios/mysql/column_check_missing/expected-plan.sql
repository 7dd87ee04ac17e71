-- driftd reconciliation plan
-- target fingerprint: 32583bc847f72ae6873f098990dc7acbcf1c40ec68360e6df4e27cd3db0aa4df
-- golden fingerprint: 54e680f30c5d97f76e4b9e9b644571f1af37a567483b24610e86e34d9357db77
SET SESSION lock_wait_timeout = 10;

-- table gauges: change column level (its column check)
-- hazards: not_transactional, validates_rows
ALTER TABLE `gauges`
  MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (`level` > 0);
