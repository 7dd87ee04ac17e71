source ../shop.sql
CREATE TABLE gauges (id int PRIMARY KEY);
