source ../shop.sql
ALTER TABLE tags ADD INDEX ix_label (label);
