-- driftd reconciliation plan
-- target fingerprint: c502fcf3b9621aee1805393718d6a448a338a0f5118682d8696fd0e9c3170f8a
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: add check ck_orders_total
-- hazards: not_transactional, validates_rows
ALTER TABLE `orders`
  ADD CONSTRAINT `ck_orders_total` CHECK (`total` >= 0);
