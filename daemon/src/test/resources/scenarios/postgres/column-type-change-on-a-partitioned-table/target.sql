\ir ../events.sql
ALTER TABLE events ALTER COLUMN kind TYPE varchar(10);
