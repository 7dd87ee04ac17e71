CREATE TABLE base (created_at timestamp DEFAULT now());CREATE TABLE a (a1 int, e int) INHERITS (base);CREATE TABLE b (b1 int, e int) INHERITS (base);
