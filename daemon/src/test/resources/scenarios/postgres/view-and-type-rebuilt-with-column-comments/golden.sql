\ir ../shop.sql
DROP VIEW customer_orders;
CREATE VIEW customer_orders AS
    SELECT c.id, c.email FROM customers c JOIN orders o ON o.customer_id = c.id;
COMMENT ON COLUMN customer_orders.email IS 'who bought';
ALTER TYPE address ADD ATTRIBUTE city text;
COMMENT ON COLUMN address.city IS 'town';
