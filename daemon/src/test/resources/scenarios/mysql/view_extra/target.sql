source ../shop.sql
CREATE VIEW v_extra AS SELECT 1 AS one;
