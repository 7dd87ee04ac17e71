CREATE TABLE users (id int NOT NULL, credential tinyblob NOT NULL);
ALTER TABLE users ADD UNIQUE KEY credential (credential) USING HASH;
