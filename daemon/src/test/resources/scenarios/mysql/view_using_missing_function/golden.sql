source ../shop.sql
CREATE FUNCTION f_label(t varchar(30)) RETURNS varchar(40) DETERMINISTIC RETURN CONCAT('#', t);
CREATE VIEW v_tags AS SELECT id, f_label(label) AS shown FROM tags;
