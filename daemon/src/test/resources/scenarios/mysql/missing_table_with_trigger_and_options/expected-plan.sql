-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: bfc815d8587bab6c77cec477ff894fc83fb9cb6e79d781e3efe3551f013156e5
SET SESSION lock_wait_timeout = 10;

-- create missing table ledger
-- hazards: not_transactional
CREATE TABLE `ledger` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `amount` decimal(12,2) NOT NULL,
  `memo` varchar(100) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL COMMENT 'free text',
  PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ENGINE=InnoDB ROW_FORMAT=COMPACT COMMENT='money';

-- use the character set settings golden's object was created with
-- hazards: not_transactional
SET @saved_cs_client = @@character_set_client, @saved_col_connection = @@collation_connection, character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci;

-- create trigger tr_ledger_bi on new table ledger
-- hazards: not_transactional
DELIMITER ;;
CREATE TRIGGER tr_ledger_bi BEFORE INSERT ON ledger FOR EACH ROW SET NEW.memo = COALESCE(NEW.memo, '-');;
DELIMITER ;

-- restore the session after the character set settings golden's object was created with
-- hazards: not_transactional
SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection;
