-- driftd reconciliation plan
-- target fingerprint: d4488d098d6d9cdec2c12c040ef8dbea2deedda9905d10db6b93b06c603030ee
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: set visibility of index ix_customers_name
-- hazards: not_transactional
ALTER TABLE `customers`
  ALTER INDEX `ix_customers_name` NOT IGNORED,
  ALGORITHM=INPLACE,
  LOCK=NONE;
