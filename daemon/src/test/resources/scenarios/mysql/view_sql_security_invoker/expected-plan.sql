-- driftd reconciliation plan
-- target fingerprint: 4bc181460c5227657af07bf9eb0fba8ccc9705b0ed568940da4081d335df4dbb
-- golden fingerprint: b9768d8d90ca2a01d33389acdaf776ae02101a67eb3d73ecec1b92082878a179
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create or replace view v_inv
-- hazards: not_transactional
CREATE OR REPLACE SQL SECURITY INVOKER VIEW `v_inv` AS select `tags`.`id` AS `id` from `tags`;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
