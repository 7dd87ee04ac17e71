source ../shop.sql
CREATE SEQUENCE s_invoice START WITH 100 INCREMENT BY 5;
