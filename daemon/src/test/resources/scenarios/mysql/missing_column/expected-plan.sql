-- driftd reconciliation plan
-- target fingerprint: e37ad3dd0b8473e4377ef886010e70ff2e4fddb4c931521a08eb79836ffd9842
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: add column name
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  ADD COLUMN `name` varchar(80) NULL AFTER `email`;

-- table customers: add index ix_customers_name
-- hazards: index_build, not_transactional
ALTER TABLE `customers`
  ADD INDEX `ix_customers_name` (`name`),
  ALGORITHM=INPLACE,
  LOCK=NONE;
