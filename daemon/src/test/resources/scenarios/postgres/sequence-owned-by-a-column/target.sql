\ir ../shop.sql
