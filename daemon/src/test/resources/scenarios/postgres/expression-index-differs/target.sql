\ir ../shop.sql
DROP INDEX customers_lower_email; CREATE INDEX customers_lower_email ON customers (upper(email));
