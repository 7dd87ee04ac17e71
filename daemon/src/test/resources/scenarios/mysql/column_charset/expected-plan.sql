-- driftd reconciliation plan
-- target fingerprint: fd6bf9b317d82cba327cf3aa7e26672892d3ae0f0ed97da9441c5e00e502abfd
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column name
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `name` varchar(80) NULL;
