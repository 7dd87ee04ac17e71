source ../shop.sql
ALTER TABLE customers ADD FULLTEXT INDEX ft_name (name);
