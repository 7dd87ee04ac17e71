source ../shop.sql
ALTER TABLE customers MODIFY email varchar(120) COLLATE utf8mb4_bin NOT NULL;
