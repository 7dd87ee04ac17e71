-- The golden schema of the example "shops" fleet (config/driftd.yaml): applied to a scratch
-- MySQL/MariaDB database, read back like a member, then dropped. DELIMITER works as in the mysql client.
CREATE TABLE items (
  id INT PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  price DECIMAL(10,2) NOT NULL DEFAULT 0
);
DELIMITER //
CREATE TRIGGER items_name BEFORE INSERT ON items FOR EACH ROW
BEGIN
  SET NEW.name = TRIM(NEW.name);
END//
DELIMITER ;
