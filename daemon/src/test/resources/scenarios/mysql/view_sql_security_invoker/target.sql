source ../shop.sql
CREATE VIEW v_inv AS SELECT id FROM tags;
