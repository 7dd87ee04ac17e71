\ir ../shop.sql
CREATE TABLE metrics (at date NOT NULL, v int);
