-- driftd reconciliation plan
-- target fingerprint: 349fad914c799b6fe9f1425bf0439bbd0c2fb3c8352dc1d002e14fd693eabd54
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change and move column email
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  MODIFY COLUMN `email` varchar(120) NOT NULL AFTER `id`;
