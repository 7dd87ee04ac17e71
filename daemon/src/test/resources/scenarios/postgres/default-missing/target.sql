\ir ../shop.sql
ALTER TABLE customers ALTER COLUMN created_at DROP DEFAULT;
