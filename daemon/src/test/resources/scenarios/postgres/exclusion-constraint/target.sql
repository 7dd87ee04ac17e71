\ir ../shop.sql
CREATE TABLE bookings (room int, during tsrange);
