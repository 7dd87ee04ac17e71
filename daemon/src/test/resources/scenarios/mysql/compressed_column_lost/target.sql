source ../shop.sql
CREATE TABLE blobs (id int PRIMARY KEY, body blob COMPRESSED, title varchar(200) CHARACTER SET latin1 COMPRESSED NOT NULL DEFAULT 'x');
ALTER TABLE blobs MODIFY body blob;
ALTER TABLE blobs MODIFY title varchar(200) CHARACTER SET latin1 NOT NULL DEFAULT 'x';
