-- driftd reconciliation plan
-- target fingerprint: 36d96b6ff1816960ad70239f10020e257cef27f3771e78184197788aa68c4abc
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: re-create index uq_customers_email
-- hazards: index_build, index_dropped, not_transactional, validates_rows
ALTER TABLE `customers`
  DROP INDEX `uq_customers_email`,
  ADD UNIQUE INDEX `uq_customers_email` (`email`),
  ALGORITHM=INPLACE,
  LOCK=NONE;
