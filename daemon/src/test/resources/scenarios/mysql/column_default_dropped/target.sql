source ../shop.sql
ALTER TABLE order_items ALTER qty DROP DEFAULT;
