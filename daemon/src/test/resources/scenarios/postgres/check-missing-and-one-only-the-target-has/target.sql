\ir ../shop.sql
ALTER TABLE orders DROP CONSTRAINT price_not_negative; ALTER TABLE customers ADD CONSTRAINT email_has_at CHECK (email LIKE '%@%');
