source ../shop.sql
ALTER TABLE customers ADD COLUMN email_lc varchar(120) AS (LOWER(email)) VIRTUAL, ADD INDEX ix_email_lc (email_lc);
