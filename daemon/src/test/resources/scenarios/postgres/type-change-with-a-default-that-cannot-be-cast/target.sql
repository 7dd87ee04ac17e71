\ir ../shop.sql
ALTER TABLE orders ALTER COLUMN note TYPE varchar(20); ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'n/a';
