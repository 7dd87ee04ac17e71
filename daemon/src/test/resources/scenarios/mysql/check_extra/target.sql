source ../shop.sql
ALTER TABLE order_items ADD CONSTRAINT ck_qty CHECK (qty > 0);
