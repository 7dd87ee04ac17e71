\ir ../events.sql
