source ../shop.sql
ALTER TABLE customers COMMENT='it''s people';
