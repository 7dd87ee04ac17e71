\ir ../shop.sql
CREATE SEQUENCE invoice_no START 7 INCREMENT 2;
