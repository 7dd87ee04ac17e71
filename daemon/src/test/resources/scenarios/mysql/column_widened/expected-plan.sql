-- driftd reconciliation plan
-- target fingerprint: c19765c50c279c90c1198db26d8d98a9df20a79e003f9a13cea0bcc1101f7b1a
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: change column sku
-- hazards: not_transactional, rewrites_table
ALTER TABLE `order_items`
  MODIFY COLUMN `sku` varchar(40) NOT NULL;
