CREATE TABLE c (cc int, other int);ALTER TABLE c ADD CONSTRAINT c_pkey PRIMARY KEY (cc);CREATE INDEX c_other ON c (other);
