-- driftd reconciliation plan
-- target fingerprint: 0d1174884e5e88d269fba2709898cbb6e84685ac0c2b514dc3b66ebb6406fa22
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table tags: convert to character set utf8mb4 collation utf8mb4_general_ci
-- hazards: not_transactional, rewrites_table
ALTER TABLE `tags`
  CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;

-- table tags: change column label
-- hazards: not_transactional
ALTER TABLE `tags`
  MODIFY COLUMN `label` varchar(30) NOT NULL;
