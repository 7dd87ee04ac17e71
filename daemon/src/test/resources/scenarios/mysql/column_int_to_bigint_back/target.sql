source ../shop.sql
ALTER TABLE order_items MODIFY qty bigint NOT NULL DEFAULT 1;
