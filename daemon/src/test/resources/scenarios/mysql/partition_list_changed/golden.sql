source ../shop.sql
ALTER TABLE metrics PARTITION BY LIST (id) (PARTITION pa VALUES IN (1, 3), PARTITION pb VALUES IN (2, 4));
