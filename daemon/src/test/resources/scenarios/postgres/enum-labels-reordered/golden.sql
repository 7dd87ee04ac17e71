\ir ../shop.sql
ALTER TABLE customers ALTER COLUMN mood DROP DEFAULT; DROP VIEW customer_orders;
ALTER TABLE customers ALTER COLUMN mood TYPE text; DROP TYPE mood;
CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
ALTER TABLE customers ALTER COLUMN mood TYPE mood USING mood::mood;
ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'ok';
CREATE VIEW customer_orders AS
  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
