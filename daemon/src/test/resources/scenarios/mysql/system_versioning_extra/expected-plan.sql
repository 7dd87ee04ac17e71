-- driftd reconciliation plan
-- target fingerprint: 1ac97f46852be6d8d6c9c3f263e2d8d79e90a2982939be63863d2ce1fedfff0e
-- golden fingerprint: c81d283b764da91b8afa31e14046916ed969d7f52da78a5ede9cc25303983ec4
SET SESSION lock_wait_timeout = 10;
SET SESSION system_versioning_alter_history = KEEP;

-- table ledger: stop system versioning and delete the table's history
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `ledger`
  DROP SYSTEM VERSIONING;
