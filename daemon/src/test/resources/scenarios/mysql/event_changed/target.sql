source ../shop.sql
ALTER EVENT ev_cleanup ON SCHEDULE EVERY 2 DAY;
