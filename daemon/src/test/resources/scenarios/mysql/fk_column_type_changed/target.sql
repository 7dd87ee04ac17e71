source ../shop.sql
ALTER TABLE order_items DROP FOREIGN KEY fk_items_order;
ALTER TABLE order_items MODIFY order_id int NOT NULL;
