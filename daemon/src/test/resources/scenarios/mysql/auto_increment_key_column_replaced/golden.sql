CREATE TABLE visits (day date NOT NULL, n int NOT NULL, PRIMARY KEY (day));
