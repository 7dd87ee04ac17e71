source ../shop.sql
ALTER TABLE tags ADD INDEX uq_label (label);
