-- driftd reconciliation plan
-- target fingerprint: b00139c0f233571c8a09d09e38ce256a24f391bdbfbfcb8a2c9e2f9a84265e34
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: change column qty from bigint to int, which may truncate or convert existing values
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `order_items`
  MODIFY COLUMN `qty` int NOT NULL DEFAULT 1;
