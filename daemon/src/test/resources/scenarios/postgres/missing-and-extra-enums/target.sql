\ir ../shop.sql
CREATE TYPE size AS ENUM ('s', 'm');
