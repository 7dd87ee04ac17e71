source ../shop.sql
ALTER TABLE metrics MODIFY v int DEFAULT NULL FIRST;
ALTER TABLE metrics MODIFY day date NOT NULL AFTER v;
