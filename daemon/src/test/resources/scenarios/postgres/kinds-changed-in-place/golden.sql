\ir ../kinds.sql
