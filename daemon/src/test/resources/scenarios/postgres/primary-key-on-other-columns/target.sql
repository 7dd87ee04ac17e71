\ir ../shop.sql
CREATE TABLE pairs (a int NOT NULL, b int NOT NULL, CONSTRAINT pairs_pkey PRIMARY KEY (a));
