\ir ../shop.sql
CREATE TABLE kinds (code text NOT NULL, version int NOT NULL, CONSTRAINT kinds_pkey PRIMARY KEY (code));
CREATE TABLE things (kind text CONSTRAINT things_kind_fkey REFERENCES kinds (code));
