-- driftd reconciliation plan
-- target fingerprint: 5b5c679b370b94c2cd797b0ab92bbc6bcf0c7e271546cda0d720429adbbefc57
-- golden fingerprint: 6255f5a9dcb3d541a2635f65e60d12a6d8a04e1d2110a9f5b4aa027f248d963c
SET SESSION lock_wait_timeout = 10;

-- table gauges: drop extra column level and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `gauges`
  DROP COLUMN `level`;
