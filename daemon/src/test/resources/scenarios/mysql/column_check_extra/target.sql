source ../shop.sql
CREATE TABLE gauges (id int PRIMARY KEY, level int DEFAULT 1);
ALTER TABLE gauges MODIFY level int DEFAULT 1 CHECK (level > 0);
