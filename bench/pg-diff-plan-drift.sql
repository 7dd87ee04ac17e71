-- Drifts 2% of the benchmark tables (every 50th), a different kind of drift on each:
-- column type change under a view, extra column, missing index, changed default, dropped check,
-- changed comment, extra index, missing NOT NULL.
DO $$
DECLARE
    n int := current_setting('bench.tables')::int;
    k int := 0;
BEGIN
    FOR i IN 1..n LOOP
        CONTINUE WHEN i % 50 <> 0;
        k := k + 1;
        CASE k % 8
            WHEN 0 THEN
                IF i % 20 = 0 THEN EXECUTE format('DROP VIEW v%s', i); END IF;
                EXECUTE format('ALTER TABLE t%s ALTER COLUMN amount TYPE numeric(14,2)', i);
                IF i % 20 = 0 THEN
                    EXECUTE format('CREATE VIEW v%s AS SELECT id, state, amount FROM t%s WHERE state <> ''closed''', i, i);
                END IF;
            WHEN 1 THEN EXECUTE format('ALTER TABLE t%s ADD COLUMN hotfix text', i);
            WHEN 2 THEN EXECUTE format('DROP INDEX t%s_created', i);
            WHEN 3 THEN EXECUTE format('ALTER TABLE t%s ALTER COLUMN state SET DEFAULT ''active''', i);
            WHEN 4 THEN EXECUTE format('ALTER TABLE t%s DROP CONSTRAINT t%s_amount_check', i, i);
            WHEN 5 THEN EXECUTE format('COMMENT ON TABLE t%s IS %L', i, 'changed by hand');
            WHEN 6 THEN EXECUTE format('CREATE INDEX t%s_hotfix ON t%s (amount)', i, i);
            ELSE EXECUTE format('ALTER TABLE t%s ALTER COLUMN created_at DROP NOT NULL', i);
        END CASE;
    END LOOP;
END $$;
