source ../shop.sql
CREATE TABLE coupons (code varchar(20) NOT NULL, customer_email varchar(120) NOT NULL, PRIMARY KEY (code), KEY ix_coupon_email (customer_email), CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email));
