CREATE TABLE visits (id int NOT NULL AUTO_INCREMENT, day date NOT NULL, n int NOT NULL, PRIMARY KEY (id), KEY visits_day (day));
