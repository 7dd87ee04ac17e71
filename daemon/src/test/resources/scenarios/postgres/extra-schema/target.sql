\ir ../shop.sql
CREATE SCHEMA junk; CREATE TYPE junk.x AS ENUM ('a');
