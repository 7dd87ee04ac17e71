source ../shop.sql
DROP FUNCTION f_tax;
