-- driftd reconciliation plan
-- target fingerprint: 333e7a5b1f7ea30e94d1910bd3e29e63e2e882a6298314812b05f534df4cd5f1
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: add foreign key fk_items_order
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `order_items`
  ADD CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`);
