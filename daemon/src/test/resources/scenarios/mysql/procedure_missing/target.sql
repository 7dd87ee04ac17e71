source ../shop.sql
DROP PROCEDURE p_touch;
