-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 68ddfee0cbe5a86b7b010cebf2af0cf65875b3598b7e5b91ad5a51d6d8400eac
SET SESSION lock_wait_timeout = 10;

-- create missing table categories
-- hazards: not_transactional
CREATE TABLE `categories` (
  `id` int NOT NULL,
  `parent_id` int NULL,
  `name` varchar(30) NOT NULL,
  PRIMARY KEY (`id`),
  INDEX `ix_parent` (`parent_id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;

-- table categories: add foreign key fk_cat_parent
-- hazards: not_transactional
ALTER TABLE `categories`
  ADD CONSTRAINT `fk_cat_parent` FOREIGN KEY (`parent_id`) REFERENCES `categories` (`id`) ON DELETE SET NULL;
