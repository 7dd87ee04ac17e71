-- The schema postgres-small.json was snapshotted from (PostgreSQL 15, database "shop").
CREATE TYPE status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, created timestamptz NOT NULL DEFAULT now());
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE, total numeric(12,2) NOT NULL CHECK (total >= 0), state status NOT NULL DEFAULT 'new');
CREATE INDEX orders_customer ON orders (customer_id);
CREATE VIEW open_orders AS SELECT id, customer_id, total FROM orders WHERE state <> 'shipped';
CREATE FUNCTION order_count(c bigint) RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM orders WHERE customer_id = c';
COMMENT ON TABLE orders IS 'one row per order';
