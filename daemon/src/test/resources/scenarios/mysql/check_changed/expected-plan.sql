-- driftd reconciliation plan
-- target fingerprint: 60aded0a07e803414b17812eaee8b31a11001b570e25be9dd5a1a3c96979d861
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: re-create check ck_orders_total
-- hazards: not_transactional, validates_rows
ALTER TABLE `orders`
  DROP CONSTRAINT `ck_orders_total`,
  ADD CONSTRAINT `ck_orders_total` CHECK (`total` >= 0);
