source ../shop.sql
DROP FUNCTION f_tax;
CREATE FUNCTION f_tax(amount decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC COMMENT 'vat' RETURN amount * 0.25;
