source ../shop.sql
CREATE TRIGGER tr_tags_bi BEFORE INSERT ON tags FOR EACH ROW SET NEW.label = LOWER(NEW.label);
