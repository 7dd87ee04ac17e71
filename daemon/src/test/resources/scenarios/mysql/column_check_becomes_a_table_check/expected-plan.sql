-- driftd reconciliation plan
-- target fingerprint: 5f3b288afa4625262aba7890b3cbdd8c7f5b43705eb991ab42380672f0bea30d
-- golden fingerprint: d2530d0ac4f37bf7e5afd9a8bd7d5008f7d1d5ef34df108fe08c7b977c1e5f16
SET SESSION lock_wait_timeout = 10;

-- table gauges: change column level (its column check); add check ck_level
-- hazards: not_transactional, validates_rows
ALTER TABLE `gauges`
  MODIFY COLUMN `level` int NULL DEFAULT 1,
  ADD CONSTRAINT `ck_level` CHECK (`level` between 0 and 9);
