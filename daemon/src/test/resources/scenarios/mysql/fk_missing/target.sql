source ../shop.sql
ALTER TABLE order_items DROP FOREIGN KEY fk_items_order;
