-- driftd reconciliation plan
-- target fingerprint: b362e0a4af1d01e042a6bc2e5e0b6090ba7c1ab7033f730d51404ccbba96bc64
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: move column name
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  MODIFY COLUMN `name` varchar(80) NULL AFTER `email`;
