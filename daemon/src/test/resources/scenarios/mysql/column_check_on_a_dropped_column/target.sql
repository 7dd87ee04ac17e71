source ../shop.sql
CREATE TABLE gauges (id int PRIMARY KEY);
ALTER TABLE gauges ADD COLUMN level int CHECK (level > 0);
