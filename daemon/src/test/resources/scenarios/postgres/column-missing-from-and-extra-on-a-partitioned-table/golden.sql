\ir ../events.sql
ALTER TABLE events ADD COLUMN source text DEFAULT 'web';
