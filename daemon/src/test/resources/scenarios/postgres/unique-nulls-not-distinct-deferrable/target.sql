\ir ../shop.sql
ALTER TABLE orders ADD CONSTRAINT orders_no_key UNIQUE (no);
