-- driftd reconciliation plan
-- target fingerprint: b225be12d0af4e0bc0736a3fc47566922db7fb43ffa1e17b3e5c2422c82fd0f0
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create or replace view v_orders
-- hazards: not_transactional
CREATE OR REPLACE VIEW `v_orders` AS select `o`.`id` AS `id`,`o`.`status` AS `status`,`c`.`email` AS `email` from (`orders` `o` join `customers` `c` on(`c`.`id` = `o`.`customer_id`));

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
