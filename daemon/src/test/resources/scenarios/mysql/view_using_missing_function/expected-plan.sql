-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 5f3589763f53fec80115e1d5116a41ca8f891ed2f837827ca10233a1b6623870
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing function f_label
-- hazards: not_transactional
DELIMITER ;;
CREATE FUNCTION `f_label`(t varchar(30)) RETURNS varchar(40) CHARSET utf8mb4 COLLATE utf8mb4_general_ci
    DETERMINISTIC
RETURN CONCAT('#', t);;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create or replace view v_tags
-- hazards: not_transactional
CREATE OR REPLACE VIEW `v_tags` AS select `tags`.`id` AS `id`,`f_label`(`tags`.`label`) AS `shown` from `tags`;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
