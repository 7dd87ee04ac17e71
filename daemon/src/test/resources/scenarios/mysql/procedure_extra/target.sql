source ../shop.sql
CREATE PROCEDURE p_extra() SELECT 1;
