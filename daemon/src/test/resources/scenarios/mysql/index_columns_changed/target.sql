source ../shop.sql
ALTER TABLE customers DROP INDEX ix_customers_name, ADD INDEX ix_customers_name (name, email);
