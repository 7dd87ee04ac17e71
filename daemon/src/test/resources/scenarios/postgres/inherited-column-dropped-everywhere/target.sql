CREATE TABLE base (created_at timestamp DEFAULT now(), e int);CREATE TABLE a (a1 int) INHERITS (base);
