-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 7ff6582d5d77eff801e15b97b2e29f410a42e7484a4695fcb51d60a3007b4932
SET SESSION lock_wait_timeout = 10;

-- table tags: change primary key
-- hazards: index_dropped, not_transactional, rewrites_table, validates_rows
ALTER TABLE `tags`
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (`id`) COMMENT 'tags by id';
