-- driftd reconciliation plan
-- target fingerprint: b95cfc05cb65606b2c852fa32f0521fb4855006d5fb10d0294a6440bf5ccef24
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- re-create event ev_cleanup
-- hazards: not_transactional
DROP EVENT IF EXISTS `ev_cleanup`;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- re-create event ev_cleanup
-- hazards: not_transactional
DELIMITER ;;
CREATE EVENT `ev_cleanup` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE DO DELETE FROM orders WHERE status = 'new' AND id < 0;;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
