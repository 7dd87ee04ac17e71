source ../shop.sql
ALTER TABLE order_items DROP INDEX ix_items_sku, ADD INDEX ix_items_sku (sku(5));
