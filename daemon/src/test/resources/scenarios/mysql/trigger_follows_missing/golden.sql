source ../shop.sql
CREATE TRIGGER tr_orders_bi2 BEFORE INSERT ON orders FOR EACH ROW FOLLOWS tr_orders_bi SET NEW.note = COALESCE(NEW.note, '');
