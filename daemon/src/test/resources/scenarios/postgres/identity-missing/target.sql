\ir ../shop.sql
CREATE TABLE tickets (id bigint PRIMARY KEY, subject text);
