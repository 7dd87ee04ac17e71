source ../shop.sql
DROP TRIGGER tr_orders_bi;
CREATE TRIGGER tr_orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = ABS(NEW.total);
