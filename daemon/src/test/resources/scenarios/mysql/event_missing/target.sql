source ../shop.sql
DROP EVENT ev_cleanup;
