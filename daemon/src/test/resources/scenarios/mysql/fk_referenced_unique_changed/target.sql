source ../shop.sql
CREATE TABLE coupons (code varchar(20) NOT NULL, customer_email varchar(120) NOT NULL, PRIMARY KEY (code), KEY ix_coupon_email (customer_email), CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email));
ALTER TABLE coupons DROP FOREIGN KEY fk_coupon_email;
ALTER TABLE customers DROP INDEX uq_customers_email, ADD UNIQUE INDEX uq_customers_email (email, name);
ALTER TABLE customers ADD INDEX ix_email_only (email);
ALTER TABLE coupons ADD CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email);
