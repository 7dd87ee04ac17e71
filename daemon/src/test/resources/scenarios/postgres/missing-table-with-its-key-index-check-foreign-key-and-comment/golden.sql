\ir ../shop.sql
CREATE TABLE audit_log (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id),
  at timestamptz NOT NULL DEFAULT now(), what text CHECK (what <> ''));
CREATE INDEX audit_log_at ON audit_log (at DESC);
COMMENT ON TABLE audit_log IS 'who did what';
COMMENT ON COLUMN audit_log.what IS 'the action';
