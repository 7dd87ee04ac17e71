\ir ../shop.sql
CREATE TABLE bookings (room int, during tsrange);
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);
