-- driftd reconciliation plan
-- target fingerprint: 0267bd7d76ba2618192b3b2de290332f089f7cb49be03a3479f944a5e5953505
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

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
