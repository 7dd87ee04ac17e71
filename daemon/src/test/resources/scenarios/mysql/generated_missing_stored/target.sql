source ../shop.sql
