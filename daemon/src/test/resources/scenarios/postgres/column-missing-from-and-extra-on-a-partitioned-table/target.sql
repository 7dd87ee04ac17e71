\ir ../events.sql
ALTER TABLE events ADD COLUMN debug boolean;
