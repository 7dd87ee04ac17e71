source ../shop.sql
ALTER TABLE orders DROP INDEX ix_orders_status_total, ADD INDEX ix_orders_status_total (status, total);
