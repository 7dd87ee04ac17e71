source ../shop.sql
ALTER TABLE customers DROP INDEX ix_customers_name, ADD COLUMN legacy int NOT NULL DEFAULT 0 AFTER id, MODIFY name varchar(60) NULL;
ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer;
DROP VIEW v_paid;
DROP TRIGGER tr_orders_bi;
DROP PROCEDURE p_touch;
CREATE TABLE junk (id int PRIMARY KEY);
