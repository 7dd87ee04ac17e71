-- driftd reconciliation plan
-- target fingerprint: c8a45837cb7c25ab72ef5c95aec7bc756fa4cb932ce5a1f108eb50effba7ac06
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- create missing table order_items
-- hazards: not_transactional
CREATE TABLE `order_items` (
  `order_id` bigint NOT NULL,
  `line` int NOT NULL,
  `sku` varchar(40) NOT NULL,
  `qty` int NOT NULL DEFAULT 1,
  `price` decimal(10,2) NOT NULL,
  `amount` decimal(12,2) GENERATED ALWAYS AS (`qty` * `price`) VIRTUAL,
  PRIMARY KEY (`order_id`, `line`),
  INDEX `ix_items_sku` (`sku`(10))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;

-- table order_items: add foreign key fk_items_order
-- hazards: not_transactional
ALTER TABLE `order_items`
  ADD CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`);
