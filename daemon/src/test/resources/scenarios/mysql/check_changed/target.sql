source ../shop.sql
ALTER TABLE orders DROP CONSTRAINT ck_orders_total;
ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= -1);
