CREATE TABLE friends (created_at datetime NOT NULL);
