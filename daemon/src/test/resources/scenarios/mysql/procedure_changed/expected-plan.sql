-- driftd reconciliation plan
-- target fingerprint: 540f888855cbeda2e7b622c12d0dea9dfcbd55423134dbec056d43640c1ba5c5
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- re-create procedure p_touch
-- hazards: not_transactional
DROP PROCEDURE IF EXISTS `p_touch`;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- re-create procedure p_touch
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
