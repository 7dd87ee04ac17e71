source ../shop.sql
CREATE TABLE probes (id int PRIMARY KEY, v int, secret varchar(10) INVISIBLE, KEY ix_v (v) IGNORED);
