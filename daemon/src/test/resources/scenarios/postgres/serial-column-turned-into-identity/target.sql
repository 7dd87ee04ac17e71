\ir ../shop.sql
CREATE TABLE jobs (id serial PRIMARY KEY);
