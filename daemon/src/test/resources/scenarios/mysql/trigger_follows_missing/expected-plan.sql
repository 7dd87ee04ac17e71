-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 364e29f56bd5544f2b94d7c7d94ccb8008e4372a532084f13ea33267566f1803
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing trigger tr_orders_bi2
-- hazards: not_transactional
DELIMITER ;;
CREATE TRIGGER `tr_orders_bi2` BEFORE INSERT ON `orders` FOR EACH ROW FOLLOWS `tr_orders_bi` SET NEW.note = COALESCE(NEW.note, '');;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
