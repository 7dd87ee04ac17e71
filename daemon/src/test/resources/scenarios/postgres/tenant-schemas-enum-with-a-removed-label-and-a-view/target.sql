\ir ../shop.sql
ALTER TYPE mood ADD VALUE 'meh'; CREATE VIEW v_moods AS SELECT mood FROM customers;
