source ../shop.sql
DROP VIEW v_paid;
