source ../shop.sql
CREATE TRIGGER tr_z_first BEFORE UPDATE ON tags FOR EACH ROW SET NEW.label = TRIM(NEW.label);
CREATE TRIGGER tr_a_second BEFORE UPDATE ON tags FOR EACH ROW FOLLOWS tr_z_first SET NEW.label = LOWER(NEW.label);
