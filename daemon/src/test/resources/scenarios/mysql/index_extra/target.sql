source ../shop.sql
CREATE INDEX ix_extra ON orders (status, total);
