\ir ../shop.sql
ALTER TYPE mood ADD VALUE 'ecstatic';
ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'ecstatic';
