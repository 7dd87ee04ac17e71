-- driftd reconciliation plan
-- target fingerprint: 010b347898b0f4e74a10cbfa5536b52cc95fe4174018a33c65a83e863dab3a5a
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: re-create index ix_customers_name
-- hazards: index_build, index_dropped, not_transactional
ALTER TABLE `customers`
  DROP INDEX `ix_customers_name`,
  ADD INDEX `ix_customers_name` (`name`),
  ALGORITHM=INPLACE,
  LOCK=NONE;
