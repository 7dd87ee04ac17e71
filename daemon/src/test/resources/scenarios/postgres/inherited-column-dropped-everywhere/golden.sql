CREATE TABLE base (created_at timestamp DEFAULT now());CREATE TABLE a (a1 int) INHERITS (base);
