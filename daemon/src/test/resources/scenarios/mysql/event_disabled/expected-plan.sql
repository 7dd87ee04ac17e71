-- driftd reconciliation plan
-- target fingerprint: 9f137a2a197fd901a1b0fb8cb8eeffbfc888ed0da4ea1cfeac51949f47cba251
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- set event ev_cleanup enabled
-- hazards: not_transactional
ALTER EVENT `ev_cleanup` ENABLE;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
