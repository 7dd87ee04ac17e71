\ir ../shop.sql
ALTER TABLE orders SET (fillfactor = 70);
