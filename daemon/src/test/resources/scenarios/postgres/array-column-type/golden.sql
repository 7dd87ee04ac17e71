\ir ../shop.sql
ALTER TABLE customers ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
