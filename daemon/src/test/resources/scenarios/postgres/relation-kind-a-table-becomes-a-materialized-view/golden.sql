CREATE TABLE t_data (id int PRIMARY KEY, name text, note text);CREATE MATERIALIZED VIEW data AS SELECT id, name FROM t_data;CREATE UNIQUE INDEX data_id ON data (id);
