-- driftd reconciliation plan
-- target fingerprint: 76fa920bab2a4a13f535633c72821b87c70947abfb06b5822c74d29ba4cde380
-- golden fingerprint: 1f0c7ad3a54566bf30867d4e14c0a35d8662665d67b72e0dcb154e3833da89e9
SET SESSION lock_wait_timeout = 10;

-- table metrics: re-partition
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics`
  PARTITION BY LIST (`id`) (PARTITION `pa` VALUES IN (1,3), PARTITION `pb` VALUES IN (2,4));
