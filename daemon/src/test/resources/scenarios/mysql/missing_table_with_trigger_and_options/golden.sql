source ../shop.sql
CREATE TABLE ledger (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, amount decimal(12,2) NOT NULL, memo varchar(100) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL COMMENT 'free text') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPACT COMMENT='money';
CREATE TRIGGER tr_ledger_bi BEFORE INSERT ON ledger FOR EACH ROW SET NEW.memo = COALESCE(NEW.memo, '-');
