-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: c7c19d95e36d00348fa3007883e231bc19c948341a8f66615fef149e7391f22b
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing event ev_off
-- hazards: not_transactional
DELIMITER ;;
CREATE EVENT `ev_off` ON SCHEDULE EVERY 1 WEEK ON COMPLETION NOT PRESERVE DO DELETE FROM tags WHERE id < 0;;
DELIMITER ;

-- event ev_off is disabled in golden
-- hazards: not_transactional
ALTER EVENT `ev_off` DISABLE;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
