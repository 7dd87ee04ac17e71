-- driftd reconciliation plan
-- target fingerprint: 738a127f35c5214a3d473986562e857cc34a16f6cb0b80305dbac615c479de58
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table tags: change primary key
-- hazards: index_dropped, not_transactional, rewrites_table, validates_rows
ALTER TABLE `tags`
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (`id`);
