\ir ../shop.sql
ALTER TYPE address ADD ATTRIBUTE country text;
