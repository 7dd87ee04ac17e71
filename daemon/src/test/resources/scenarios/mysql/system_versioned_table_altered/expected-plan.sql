-- driftd reconciliation plan
-- target fingerprint: 1ac97f46852be6d8d6c9c3f263e2d8d79e90a2982939be63863d2ce1fedfff0e
-- golden fingerprint: c22409db582712c6192896c4e3035c7ce4f5726aa6db0799ac705dfd38830227
SET SESSION lock_wait_timeout = 10;
SET SESSION system_versioning_alter_history = KEEP;

-- table ledger: change column amount; add column note
-- hazards: not_transactional, rewrites_table
ALTER TABLE `ledger`
  MODIFY COLUMN `amount` bigint NOT NULL DEFAULT 0,
  ADD COLUMN `note` varchar(20) NULL;
