source ../shop.sql
CREATE TABLE blobs (id int PRIMARY KEY, body blob);
