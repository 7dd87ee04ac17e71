source ../shop.sql
DROP TABLE order_items;
