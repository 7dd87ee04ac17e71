-- driftd reconciliation plan
-- target fingerprint: 75d92b698c21bf868923e92906cca4e251f04882337c0902e520271cd2e6702b
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: re-create generated column amount
-- hazards: not_transactional, rewrites_table
ALTER TABLE `order_items`
  DROP COLUMN `amount`,
  ADD COLUMN `amount` decimal(12,2) GENERATED ALWAYS AS (`qty` * `price`) VIRTUAL;
