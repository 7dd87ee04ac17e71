source ../shop.sql
ALTER TABLE customers ADD COLUMN domain varchar(120) AS (SUBSTRING_INDEX(email, '@', -1)) STORED AFTER email;
