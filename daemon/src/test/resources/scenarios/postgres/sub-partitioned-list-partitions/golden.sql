\ir ../shop.sql
CREATE TABLE sales (region text NOT NULL, at date NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (at);
CREATE TABLE sales_eu_2025 PARTITION OF sales_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
