-- driftd reconciliation plan
-- target fingerprint: c81d283b764da91b8afa31e14046916ed969d7f52da78a5ede9cc25303983ec4
-- golden fingerprint: 1ac97f46852be6d8d6c9c3f263e2d8d79e90a2982939be63863d2ce1fedfff0e
SET SESSION lock_wait_timeout = 10;

-- table ledger: set system_versioning true
-- hazards: not_transactional
ALTER TABLE `ledger`
  ADD SYSTEM VERSIONING;
