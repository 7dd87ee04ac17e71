\ir ../shop.sql
ALTER DOMAIN posint SET NOT NULL;
