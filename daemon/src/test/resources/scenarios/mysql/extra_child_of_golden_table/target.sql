source ../shop.sql
CREATE TABLE notes (id int PRIMARY KEY, customer_id int NOT NULL, CONSTRAINT fk_notes_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
