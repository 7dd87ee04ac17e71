CREATE TABLE users (id int NOT NULL, credential tinyblob NOT NULL);
