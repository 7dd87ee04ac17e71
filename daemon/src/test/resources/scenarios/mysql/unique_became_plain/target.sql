source ../shop.sql
ALTER TABLE customers DROP INDEX uq_customers_email, ADD INDEX uq_customers_email (email);
