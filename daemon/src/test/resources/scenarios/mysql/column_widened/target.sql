source ../shop.sql
ALTER TABLE order_items MODIFY sku varchar(20) NOT NULL;
