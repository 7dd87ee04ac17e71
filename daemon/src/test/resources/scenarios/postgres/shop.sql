CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TYPE address AS (street text, zip varchar(10));
CREATE SEQUENCE order_no START 1000;
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name varchar(100),
    mood mood DEFAULT 'ok',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    no integer DEFAULT nextval('order_no'),
    qty posint,
    price numeric(10,2) CONSTRAINT price_not_negative CHECK (price >= 0),
    total numeric GENERATED ALWAYS AS (qty * price) STORED,
    note text
);
CREATE TABLE settings (key text PRIMARY KEY, value jsonb);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX customers_lower_email ON customers (lower(email));
CREATE VIEW customer_orders AS
    SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.note := coalesce(NEW.note, 'x'); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TABLE customers IS 'people who buy';
INSERT INTO customers (email, name) VALUES ('a@example.com', 'Ann'), ('b@example.com', 'Bob');
INSERT INTO orders (customer_id, qty, price) VALUES (1, 2, 9.50), (2, 1, 3.00);
