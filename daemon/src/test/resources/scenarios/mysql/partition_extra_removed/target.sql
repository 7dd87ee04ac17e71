source ../shop.sql
ALTER TABLE metrics PARTITION BY HASH (id) PARTITIONS 4;
