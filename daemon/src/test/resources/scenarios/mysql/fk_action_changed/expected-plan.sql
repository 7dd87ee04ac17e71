-- driftd reconciliation plan
-- target fingerprint: 9b03b5b6bab8f59436e79fd0f3314c58e1f98e5b283121d90ebe0440709a2610
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: re-create foreign key fk_orders_customer
-- hazards: not_transactional
ALTER TABLE `orders`
  DROP FOREIGN KEY `fk_orders_customer`;

-- table orders: add foreign key fk_orders_customer
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `orders`
  ADD CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE;
