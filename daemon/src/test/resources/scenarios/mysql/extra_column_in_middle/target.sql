source ../shop.sql
ALTER TABLE orders ADD COLUMN legacy int NOT NULL DEFAULT 7 AFTER customer_id;
