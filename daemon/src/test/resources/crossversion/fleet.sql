-- One schema built on PostgreSQL 14, 16, 17 and 18 (cross-version fleet tests): every kind whose text the
-- server deparses (defaults, checks, generated columns, index expressions and predicates, views with
-- joins, casts and CASE, domains) plus functions. 14 and 16 print an AT TIME ZONE
-- default and index expression, and a materialized view's columns, differently.
-- 14 lets everyone create in schema public; 15 and later do not (a real difference, not a deparse one)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE DOMAIN positive_int AS integer DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN short_code AS varchar(8) CHECK (VALUE ~ '^[A-Z]+$' AND length(VALUE) BETWEEN 2 AND 8);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name varchar(100) DEFAULT 'anon'::character varying,
  created timestamptz NOT NULL DEFAULT now(),
  day date DEFAULT CURRENT_DATE,
  score numeric(10,2) DEFAULT 0.0 CHECK (score >= 0 AND score <= 100),
  tags text[] DEFAULT '{}'::text[],
  flags int DEFAULT (1 + 2) * 3,
  m mood DEFAULT 'ok',
  qty positive_int,
  code short_code,
  lower_email text GENERATED ALWAYS AS (lower(email)) STORED,
  total numeric GENERATED ALWAYS AS (score * 2 + coalesce(flags, 0)) STORED,
  CONSTRAINT email_ok CHECK (email LIKE '%@%' AND length(email) < 200),
  CONSTRAINT mood_ok CHECK (m IN ('ok', 'happy') OR score > 10)
);
CREATE TABLE orders (
  id serial PRIMARY KEY,
  customer_id bigint REFERENCES customers(id),
  amount numeric(12,2) NOT NULL DEFAULT 0,
  status varchar(20) DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')),
  placed timestamp DEFAULT (now() AT TIME ZONE 'utc'),
  note text DEFAULT 'it''s ' || 'fine'
);
CREATE UNIQUE INDEX customers_lower_email ON customers (lower(email));
CREATE INDEX orders_expr ON orders ((amount * 1.1), (status || '-' || id::text)) WHERE amount > 0 AND status <> 'shipped';
CREATE INDEX customers_day ON customers (date_trunc('day', created AT TIME ZONE 'UTC'));
CREATE VIEW order_summary AS
  SELECT c.id, c.email, count(o.id) AS n, sum(o.amount)::numeric(14,2) AS total,
         CASE WHEN sum(o.amount) > 1000 THEN 'big' WHEN sum(o.amount) > 100 THEN 'mid' ELSE 'small' END AS size,
         c.created::date AS since, cast(c.score AS int) AS s
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.status IN ('paid', 'shipped')
  WHERE c.email IS NOT NULL
  GROUP BY c.id, c.email;
CREATE VIEW recent AS
  SELECT o.*, c.name FROM orders o JOIN customers c USING (id)
  WHERE o.placed > now() - interval '30 days' AND o.amount BETWEEN 1 AND 500
  UNION ALL SELECT o.*, NULL FROM orders o WHERE o.status = 'new';
CREATE FUNCTION order_total(cid bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT coalesce(sum(amount), 0) FROM orders WHERE customer_id = cid $$;
CREATE FUNCTION bump(x int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN x + 1; END $$;
CREATE FUNCTION atomic_total(cid bigint) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount), 0) FROM orders WHERE customer_id = cid AND status IN ('paid', 'shipped');
END;
CREATE MATERIALIZED VIEW mv AS SELECT status, count(*) AS n FROM orders GROUP BY status;
CREATE DOMAIN order_state AS varchar(10) CHECK (VALUE IN ('new', 'paid', 'shipped'));
CREATE TABLE shipments (
  id int PRIMARY KEY,
  order_id int REFERENCES orders(id),
  state order_state DEFAULT 'new',
  carrier varchar(20) CHECK (carrier IN ('dhl', 'ups') OR carrier IS NULL),
  weight_g int CHECK (weight_g BETWEEN 1 AND 100000),
  label text GENERATED ALWAYS AS (upper(carrier::text) || '-' || id::text) STORED
);
CREATE INDEX orders_open ON orders (placed) WHERE status IN ('new', 'paid');
CREATE VIEW open_orders AS
  SELECT o.id, o.status::text AS status, s.carrier,
         CASE s.state WHEN 'new' THEN 0 WHEN 'paid' THEN 1 ELSE 2 END AS rank
  FROM orders o LEFT JOIN shipments s ON s.order_id = o.id
  WHERE o.status IN ('new', 'paid') AND coalesce(s.carrier, 'dhl') IN ('dhl', 'ups');
