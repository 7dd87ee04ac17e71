-- driftd reconciliation plan
-- target fingerprint: 06b89517f240a0e2a039ad079a29a7ecb689e9f084c9cbf1b186997e768a6b82
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: drop extra column nickname and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `customers`
  DROP COLUMN `nickname`;
