\ir ../events.sql
DROP TABLE events_2026;
