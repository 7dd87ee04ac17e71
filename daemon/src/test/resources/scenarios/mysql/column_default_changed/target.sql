source ../shop.sql
ALTER TABLE orders ALTER status SET DEFAULT 'paid';
