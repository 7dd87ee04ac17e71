\ir ../shop.sql
\ir ../events.sql
