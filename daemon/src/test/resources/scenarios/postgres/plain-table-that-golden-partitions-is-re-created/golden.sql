\ir ../shop.sql
CREATE TABLE metrics (at date NOT NULL, v int) PARTITION BY RANGE (at); CREATE TABLE metrics_all PARTITION OF metrics FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
