source ../shop.sql
DROP VIEW v_paid;
DROP VIEW v_orders;
