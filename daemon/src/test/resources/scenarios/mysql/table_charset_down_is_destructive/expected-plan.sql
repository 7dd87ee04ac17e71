-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 6e0330a1f5787a2c0d1cc079d3aa67ffcf986bb0d3b2a1f85b043c000ee2b561
SET SESSION lock_wait_timeout = 10;

-- table settings: convert to character set latin1 collation latin1_swedish_ci from utf8mb4, which may lose characters latin1 lacks
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `settings`
  CONVERT TO CHARACTER SET latin1 COLLATE latin1_swedish_ci;

-- table settings: change column k; change column v
-- hazards: not_transactional
ALTER TABLE `settings`
  MODIFY COLUMN `k` varchar(40) NOT NULL,
  MODIFY COLUMN `v` text NULL;
