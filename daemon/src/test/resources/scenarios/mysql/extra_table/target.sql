source ../shop.sql
CREATE TABLE audit_log (id int PRIMARY KEY, msg text);
INSERT INTO audit_log VALUES (1, 'x');
