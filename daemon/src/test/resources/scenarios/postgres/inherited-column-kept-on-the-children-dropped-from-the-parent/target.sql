CREATE TABLE base (created_at timestamp DEFAULT now(), e int);CREATE TABLE a (a1 int) INHERITS (base);CREATE TABLE b (b1 int) INHERITS (base);
