source ../shop.sql
ALTER TABLE orders DROP INDEX ft_orders_note;
