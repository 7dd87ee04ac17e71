-- driftd reconciliation plan
-- target fingerprint: 59482e73bcc4d26899838f36f5b99455a4491e433dcefbdf6c32360ae87b32c1
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: add index ix_customers_name
-- hazards: index_build, not_transactional
ALTER TABLE `customers`
  ADD INDEX `ix_customers_name` (`name`),
  ALGORITHM=INPLACE,
  LOCK=NONE;
