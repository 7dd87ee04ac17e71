\ir ../shop.sql
CREATE TABLE "Order Lines" ("user" int, "Select" text, "group" text PRIMARY KEY);
CREATE INDEX "Order Lines_user" ON "Order Lines" ("user");
