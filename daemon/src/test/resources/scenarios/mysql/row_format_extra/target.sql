source ../shop.sql
ALTER TABLE settings ROW_FORMAT=COMPACT;
