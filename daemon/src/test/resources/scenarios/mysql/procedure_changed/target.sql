source ../shop.sql
DROP PROCEDURE p_touch;
DELIMITER ;;
CREATE PROCEDURE p_touch(IN cid int, OUT n int) BEGIN SELECT COUNT(*) INTO n FROM orders WHERE customer_id = cid; END;;
DELIMITER ;
