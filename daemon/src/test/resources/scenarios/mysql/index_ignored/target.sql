source ../shop.sql
ALTER TABLE customers ALTER INDEX ix_customers_name IGNORED;
