source ../shop.sql
CREATE TABLE coupons (code varchar(20) NOT NULL PRIMARY KEY, customer_email varchar(120) NOT NULL, KEY ix_coupon_email (customer_email), CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email));
ALTER TABLE coupons DROP FOREIGN KEY fk_coupon_email;
ALTER TABLE customers MODIFY email varchar(120) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE coupons MODIFY customer_email varchar(120) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE coupons ADD CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email);
