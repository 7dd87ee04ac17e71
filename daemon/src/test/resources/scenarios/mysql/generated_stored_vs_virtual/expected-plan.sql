-- driftd reconciliation plan
-- target fingerprint: 64c8807d312fa41f37929626eac469b9856be8c9d48da51d2ad9574e51a6b746
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: re-create generated column amount
-- hazards: not_transactional, rewrites_table
ALTER TABLE `order_items`
  DROP COLUMN `amount`,
  ADD COLUMN `amount` decimal(12,2) GENERATED ALWAYS AS (`qty` * `price`) VIRTUAL;
