source ../shop.sql
CREATE TABLE gauges (id int PRIMARY KEY, level int DEFAULT 1 CHECK (level BETWEEN 0 AND 9), note varchar(20) NOT NULL DEFAULT '' CHECK (note <> 'x'));
