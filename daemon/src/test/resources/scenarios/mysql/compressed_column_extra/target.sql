source ../shop.sql
CREATE TABLE blobs (id int PRIMARY KEY, body blob);
ALTER TABLE blobs MODIFY body blob COMPRESSED;
