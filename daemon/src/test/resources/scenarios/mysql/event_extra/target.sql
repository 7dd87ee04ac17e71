source ../shop.sql
CREATE EVENT ev_extra ON SCHEDULE EVERY 1 HOUR DO DELETE FROM tags WHERE id < 0;
