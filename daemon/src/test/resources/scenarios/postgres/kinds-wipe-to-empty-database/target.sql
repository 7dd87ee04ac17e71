CREATE SCHEMA app; SET search_path = app;
\ir ../kinds.sql
