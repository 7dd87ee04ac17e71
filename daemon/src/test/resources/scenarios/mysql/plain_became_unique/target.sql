source ../shop.sql
ALTER TABLE tags ADD UNIQUE INDEX uq_label (label);
