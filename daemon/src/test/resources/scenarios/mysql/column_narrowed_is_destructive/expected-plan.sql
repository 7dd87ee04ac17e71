-- driftd reconciliation plan
-- target fingerprint: 53f9d51803e2c086954bf467c1bb5437697390d68a11117f37f0c8e0b9e81822
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column email from varchar(200) to varchar(120), which may truncate or convert existing values
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `customers`
  MODIFY COLUMN `email` varchar(120) NOT NULL;
