source ../shop.sql
ALTER TABLE tags MODIFY label varchar(30) NOT NULL COMMENT 'shown to users';
