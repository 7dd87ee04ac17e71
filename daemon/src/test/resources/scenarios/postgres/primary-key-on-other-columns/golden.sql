\ir ../shop.sql
CREATE TABLE pairs (a int NOT NULL, b int NOT NULL, CONSTRAINT pairs_pkey PRIMARY KEY (a));
ALTER TABLE pairs DROP CONSTRAINT pairs_pkey; ALTER TABLE pairs ADD CONSTRAINT pairs_pkey PRIMARY KEY (a, b);
