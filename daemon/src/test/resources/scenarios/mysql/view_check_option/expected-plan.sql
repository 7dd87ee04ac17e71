-- driftd reconciliation plan
-- target fingerprint: 5eb9d8c9577cbac8912ce4b3b3eea7e7f6112420f5ea34a80d32b24af11903af
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create or replace view v_settings
-- hazards: not_transactional
CREATE OR REPLACE VIEW `v_settings` AS select `settings`.`k` AS `k`,`settings`.`v` AS `v` from `settings` where `settings`.`k` <> '';

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
