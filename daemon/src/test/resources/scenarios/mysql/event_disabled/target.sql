source ../shop.sql
ALTER EVENT ev_cleanup DISABLE;
