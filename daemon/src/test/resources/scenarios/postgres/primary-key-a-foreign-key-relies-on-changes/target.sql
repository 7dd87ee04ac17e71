\ir ../shop.sql
CREATE TABLE kinds (code text NOT NULL, version int NOT NULL, CONSTRAINT kinds_pkey PRIMARY KEY (code));
CREATE TABLE things (kind text CONSTRAINT things_kind_fkey REFERENCES kinds (code));
ALTER TABLE things DROP CONSTRAINT things_kind_fkey; ALTER TABLE kinds DROP CONSTRAINT kinds_pkey;
ALTER TABLE kinds ADD CONSTRAINT kinds_pkey PRIMARY KEY (code, version);
ALTER TABLE kinds ADD CONSTRAINT kinds_code_key UNIQUE (code);
ALTER TABLE things ADD CONSTRAINT things_kind_fkey FOREIGN KEY (kind) REFERENCES kinds (code);
