\ir ../shop.sql
\ir ../events.sql
CREATE TABLE events_other PARTITION OF events DEFAULT;
