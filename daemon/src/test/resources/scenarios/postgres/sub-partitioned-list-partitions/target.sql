\ir ../shop.sql
CREATE TABLE sales (region text NOT NULL, at date NOT NULL, amount numeric) PARTITION BY LIST (region);
