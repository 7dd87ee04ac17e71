-- driftd reconciliation plan
-- target fingerprint: 46a3c77b9893f77e78413fcc9dffd11bbfd5bf92ef31d28ef9350fce4cc17b19
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column name
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  MODIFY COLUMN `name` varchar(80) NULL;

-- table customers: add index ix_customers_name
-- hazards: index_build, not_transactional
ALTER TABLE `customers`
  ADD INDEX `ix_customers_name` (`name`),
  ALGORITHM=INPLACE,
  LOCK=NONE;

-- table orders: add foreign key fk_orders_customer
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `orders`
  ADD CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing procedure p_touch
-- hazards: not_transactional
DELIMITER ;;
CREATE PROCEDURE `p_touch`(IN cid int)
BEGIN
  UPDATE customers SET name = name WHERE id = cid;
  SELECT COUNT(*) FROM orders WHERE customer_id = cid;
END;;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create or replace view v_paid
-- hazards: not_transactional
CREATE OR REPLACE VIEW `v_paid` AS select `v_orders`.`id` AS `id`,`v_orders`.`email` AS `email` from `v_orders` where `v_orders`.`status` = 'paid';

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing trigger tr_orders_bi
-- hazards: not_transactional
DELIMITER ;;
CREATE TRIGGER tr_orders_bi BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  IF NEW.total < 0 THEN SET NEW.total = 0; END IF;
END;;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;

-- drop extra table junk and its data
-- hazards: deletes_data, not_transactional
DROP TABLE `junk`;

-- table customers: drop extra column legacy and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `customers`
  DROP COLUMN `legacy`;
