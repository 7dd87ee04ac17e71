-- driftd reconciliation plan
-- target fingerprint: e759f575da7fdc5c09c31c0644b7f83256357f760072a64d0344d9d08ed4645b
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: move foreign key fk_orders_customer out of the way (re-added below)
-- hazards: not_transactional, recreates_dependents
ALTER TABLE `orders`
  DROP FOREIGN KEY `fk_orders_customer`;

-- table orders: re-create index ix_orders_customer
-- hazards: index_build, index_dropped, not_transactional
ALTER TABLE `orders`
  DROP INDEX `ix_orders_customer`,
  ADD INDEX `ix_orders_customer` (`customer_id`),
  ALGORITHM=INPLACE,
  LOCK=NONE;

-- table orders: add foreign key fk_orders_customer
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `orders`
  ADD CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE;
