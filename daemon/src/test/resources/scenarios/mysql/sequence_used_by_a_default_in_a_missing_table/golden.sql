source ../shop.sql
CREATE SEQUENCE s_ticket START WITH 10;
CREATE TABLE tickets (id bigint PRIMARY KEY DEFAULT NEXTVAL(s_ticket), v int);
