-- driftd reconciliation plan
-- target fingerprint: c37a3753b6d309c6dbc2113cd3bc68d5a4ea51e2e0ef363b9a16d17739ce1199
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing function f_tax
-- hazards: not_transactional
DELIMITER ;;
CREATE FUNCTION `f_tax`(amount decimal(10,2)) RETURNS decimal(10,2)
    DETERMINISTIC
RETURN amount * 0.2;;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
