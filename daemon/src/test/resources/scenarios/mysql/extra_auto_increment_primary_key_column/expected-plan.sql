-- driftd reconciliation plan
-- target fingerprint: cfe0f59e64b8f7b3667a449d4d887e16bd86a17bbd94ae6fabccb5c93f09946a
-- golden fingerprint: 9492d411d3e00f14a1772d4c801269011e117faec97bd74ff1efc023a5968a84
SET SESSION lock_wait_timeout = 10;

-- table friends: column id loses AUTO_INCREMENT before its primary key is dropped; drop extra primary key
-- hazards: index_dropped, not_transactional, rewrites_table
ALTER TABLE `friends`
  MODIFY COLUMN `id` bigint NOT NULL,
  DROP PRIMARY KEY;

-- table friends: drop extra column id and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `friends`
  DROP COLUMN `id`;
