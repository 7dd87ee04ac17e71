source ../shop.sql
CREATE SQL SECURITY INVOKER VIEW v_inv AS SELECT id FROM tags;
