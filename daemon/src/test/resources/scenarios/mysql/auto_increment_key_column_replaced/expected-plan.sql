-- driftd reconciliation plan
-- target fingerprint: ed72604a2ecc07b91889ae4d6441adfa8a2691c3f1a3e4ea610687d895a8def3
-- golden fingerprint: fa5191ebe7388118ebafe0b904f771f16b73ae566e6cc3c994f680951c2d3656
SET SESSION lock_wait_timeout = 10;

-- table visits: drop extra index visits_day; column id loses AUTO_INCREMENT before its primary key is dropped; change primary key
-- hazards: index_dropped, not_transactional, rewrites_table, validates_rows
ALTER TABLE `visits`
  DROP INDEX `visits_day`,
  MODIFY COLUMN `id` int NOT NULL,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (`day`);

-- table visits: drop extra column id and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `visits`
  DROP COLUMN `id`;
