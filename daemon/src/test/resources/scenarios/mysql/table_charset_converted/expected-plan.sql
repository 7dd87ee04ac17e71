-- driftd reconciliation plan
-- target fingerprint: 8710a3a3ed6aa7f258b99a19bb2342d6c6105ac27ae74bab2c0d0303ee4e1296
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: convert to character set utf8mb4 collation utf8mb4_general_ci
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;

-- table customers: change column email; change column name
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `email` varchar(120) NOT NULL,
  MODIFY COLUMN `name` varchar(80) NULL;
