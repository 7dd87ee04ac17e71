source ../shop.sql
ALTER TABLE customers MODIFY updated_at timestamp NULL DEFAULT NULL;
