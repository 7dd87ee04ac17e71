-- driftd reconciliation plan
-- target fingerprint: 8d4b86575c48b5d91ba55023f332a3659c2f9d4098d5fe4c527ce87d97277567
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- re-create function f_tax
-- hazards: not_transactional
DROP FUNCTION IF EXISTS `f_tax`;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- re-create function f_tax
-- hazards: not_transactional
DELIMITER ;;
CREATE FUNCTION `f_tax`(amount decimal(10,2)) RETURNS decimal(10,2)
    DETERMINISTIC
RETURN amount * 0.2;;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
