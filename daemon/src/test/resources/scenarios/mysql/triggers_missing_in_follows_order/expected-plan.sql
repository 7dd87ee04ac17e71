-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: e21685942682d85385f2dc041fea2b5793c5664dd81454cdaba35533c52677d6
SET SESSION lock_wait_timeout = 10;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing trigger tr_z_first
-- hazards: not_transactional
DELIMITER ;;
CREATE TRIGGER tr_z_first BEFORE UPDATE ON tags FOR EACH ROW SET NEW.label = TRIM(NEW.label);;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create missing trigger tr_a_second
-- hazards: not_transactional
DELIMITER ;;
CREATE TRIGGER tr_a_second BEFORE UPDATE ON tags FOR EACH ROW SET NEW.label = LOWER(NEW.label);;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
