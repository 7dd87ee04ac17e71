source ../shop.sql
CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL);
ALTER TABLE ledger ADD SYSTEM VERSIONING;
