CREATE TABLE customers (
  id int NOT NULL AUTO_INCREMENT,
  email varchar(120) NOT NULL,
  name varchar(80) DEFAULT NULL,
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_customers_email (email),
  KEY ix_customers_name (name)
) ENGINE=InnoDB COMMENT='people who buy';
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  customer_id int NOT NULL,
  status enum('new','paid','shipped') NOT NULL DEFAULT 'new',
  total decimal(10,2) NOT NULL DEFAULT 0.00,
  note text,
  PRIMARY KEY (id),
  KEY ix_orders_customer (customer_id),
  KEY ix_orders_status_total (status, total DESC),
  FULLTEXT KEY ft_orders_note (note),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
  CONSTRAINT ck_orders_total CHECK (total >= 0)
) ENGINE=InnoDB;
CREATE TABLE order_items (
  order_id bigint NOT NULL,
  line int NOT NULL,
  sku varchar(40) NOT NULL,
  qty int NOT NULL DEFAULT 1,
  price decimal(10,2) NOT NULL,
  amount decimal(12,2) AS (qty * price) VIRTUAL,
  PRIMARY KEY (order_id, line),
  KEY ix_items_sku (sku(10)),
  CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;
CREATE TABLE tags (
  id int NOT NULL AUTO_INCREMENT,
  label varchar(30) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
CREATE TABLE settings (
  k varchar(40) NOT NULL,
  v text,
  PRIMARY KEY (k)
) ENGINE=InnoDB;
CREATE TABLE metrics (
  id int NOT NULL,
  day date NOT NULL,
  v int DEFAULT NULL,
  PRIMARY KEY (id, day)
) ENGINE=InnoDB;
INSERT INTO customers (email, name) VALUES ('a@x.io', 'Ann'), ('b@x.io', 'Bob'), ('c@x.io', NULL);
INSERT INTO orders (customer_id, status, total, note) VALUES (1, 'paid', 10.50, 'first'), (2, 'new', 3.00, NULL);
INSERT INTO order_items (order_id, line, sku, qty, price) VALUES (1, 1, 'SKU-1', 2, 5.25);
INSERT INTO tags (label) VALUES ('red'), ('blue');
INSERT INTO settings VALUES ('mode', 'on'), ('tz', 'UTC');
INSERT INTO metrics VALUES (1, '2024-05-01', 3), (2, '2025-01-02', 4);
CREATE VIEW v_orders AS SELECT o.id, o.status, c.email FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE VIEW v_paid AS SELECT id, email FROM v_orders WHERE status = 'paid';
CREATE VIEW v_settings AS SELECT k, v FROM settings WHERE k <> '';
CREATE FUNCTION f_tax(amount decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC RETURN amount * 0.2;
DELIMITER ;;
CREATE PROCEDURE p_touch(IN cid int)
BEGIN
  UPDATE customers SET name = name WHERE id = cid;
  SELECT COUNT(*) FROM orders WHERE customer_id = cid;
END;;
DELIMITER ;
DELIMITER ;;
CREATE TRIGGER tr_orders_bi BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  IF NEW.total < 0 THEN SET NEW.total = 0; END IF;
END;;
DELIMITER ;
CREATE EVENT ev_cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM orders WHERE status = 'new' AND id < 0;
