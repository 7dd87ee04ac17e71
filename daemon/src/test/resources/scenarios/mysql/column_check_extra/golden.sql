source ../shop.sql
CREATE TABLE gauges (id int PRIMARY KEY, level int DEFAULT 1);
