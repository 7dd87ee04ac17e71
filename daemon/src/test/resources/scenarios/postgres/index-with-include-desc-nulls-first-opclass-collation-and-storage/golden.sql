\ir ../shop.sql
CREATE INDEX orders_cover ON orders (customer_id DESC NULLS LAST, note COLLATE "C" text_pattern_ops)
  INCLUDE (qty) WITH (fillfactor = 80);
