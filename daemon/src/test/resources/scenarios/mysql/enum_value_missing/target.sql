source ../shop.sql
UPDATE orders SET status = 'new' WHERE status = 'shipped';
ALTER TABLE orders MODIFY status enum('new','paid') NOT NULL DEFAULT 'new';
