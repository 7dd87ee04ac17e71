\ir ../shop.sql
ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;
