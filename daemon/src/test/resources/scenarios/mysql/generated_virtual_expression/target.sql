source ../shop.sql
ALTER TABLE order_items MODIFY amount decimal(12,2) AS (qty * price * 2) VIRTUAL;
