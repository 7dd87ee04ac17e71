\ir ../shop.sql
ALTER SEQUENCE order_no AS integer;
