-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 61963abe3c6becf5b1882fa1b8b4385f58613710fed287a5e53555e16f8916d0
SET SESSION lock_wait_timeout = 10;

-- create missing table stock
-- hazards: not_transactional
CREATE TABLE `stock` (
  `warehouse_id` int NOT NULL,
  `sku` varchar(40) NOT NULL,
  `qty` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`warehouse_id`, `sku`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;

-- create missing table warehouses
-- hazards: not_transactional
CREATE TABLE `warehouses` (
  `id` int NOT NULL,
  `name` varchar(40) NOT NULL,
  PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;

-- table stock: add foreign key fk_stock_wh
-- hazards: not_transactional
ALTER TABLE `stock`
  ADD CONSTRAINT `fk_stock_wh` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;
