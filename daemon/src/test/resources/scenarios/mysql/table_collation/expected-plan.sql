-- driftd reconciliation plan
-- target fingerprint: 705475346a14289c543c46ff3c40446068eae66e103ffb433afff882a731af26
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table settings: convert to character set utf8mb4 collation utf8mb4_general_ci
-- hazards: not_transactional, rewrites_table
ALTER TABLE `settings`
  CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;

-- table settings: change column k; change column v
-- hazards: not_transactional
ALTER TABLE `settings`
  MODIFY COLUMN `k` varchar(40) NOT NULL,
  MODIFY COLUMN `v` text NULL;
