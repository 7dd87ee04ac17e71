\ir ../shop.sql
CREATE TABLE regions (code char(2) PRIMARY KEY, name text NOT NULL);
ALTER TABLE customers ADD COLUMN region char(2) REFERENCES regions (code);
