-- driftd reconciliation plan
-- target fingerprint: 154d1a40cbf5e65d3052c967046c65217939d788704e011482a632fd0e75bc6f
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: change column status
-- hazards: not_transactional, rewrites_table
ALTER TABLE `orders`
  MODIFY COLUMN `status` enum('new','paid','shipped') NOT NULL DEFAULT 'new';
