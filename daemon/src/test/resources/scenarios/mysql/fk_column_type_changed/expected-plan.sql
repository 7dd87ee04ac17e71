-- driftd reconciliation plan
-- target fingerprint: 5456a20b4347004eac71ce7e358fa26a091334dda638ce8c4e0005e5ea5b3a03
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: change column order_id
-- hazards: not_transactional, rewrites_table
ALTER TABLE `order_items`
  MODIFY COLUMN `order_id` bigint NOT NULL;

-- table order_items: add foreign key fk_items_order
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `order_items`
  ADD CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`);
