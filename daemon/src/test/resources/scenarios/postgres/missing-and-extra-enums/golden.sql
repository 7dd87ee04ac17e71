\ir ../shop.sql
CREATE TYPE color AS ENUM ('red', 'green'); ALTER TABLE settings ADD COLUMN color color;
