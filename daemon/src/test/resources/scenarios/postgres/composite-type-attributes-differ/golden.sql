\ir ../shop.sql
ALTER TYPE address ADD ATTRIBUTE city text, ALTER ATTRIBUTE zip TYPE varchar(12);
