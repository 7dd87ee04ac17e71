CREATE TABLE data (id int PRIMARY KEY, name text);CREATE INDEX data_name ON data (name);CREATE VIEW q AS SELECT * FROM data;
