source ../shop.sql
ALTER TABLE order_items ADD CONSTRAINT fk_items_tag FOREIGN KEY (line) REFERENCES tags (id);
