source ../shop.sql
ALTER TABLE order_items DROP COLUMN amount;
ALTER TABLE order_items ADD COLUMN amount decimal(12,2) AS (qty * price) STORED;
