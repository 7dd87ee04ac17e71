\ir ../shop.sql
CREATE SEQUENCE junk_seq;
