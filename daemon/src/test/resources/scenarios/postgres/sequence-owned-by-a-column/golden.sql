\ir ../shop.sql
ALTER SEQUENCE order_no OWNED BY orders.no;
