source ../shop.sql
DROP TRIGGER tr_orders_bi;
