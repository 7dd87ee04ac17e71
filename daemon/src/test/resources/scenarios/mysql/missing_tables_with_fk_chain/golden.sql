source ../shop.sql
CREATE TABLE warehouses (id int PRIMARY KEY, name varchar(40) NOT NULL);
CREATE TABLE stock (warehouse_id int NOT NULL, sku varchar(40) NOT NULL, qty int NOT NULL DEFAULT 0, PRIMARY KEY (warehouse_id, sku), CONSTRAINT fk_stock_wh FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE CASCADE ON UPDATE CASCADE);
