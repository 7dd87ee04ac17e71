source ../shop.sql
ALTER TABLE orders MODIFY note text FIRST;
