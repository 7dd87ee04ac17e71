-- driftd reconciliation plan
-- target fingerprint: acc4d3ae238228a269336ecb5fdc0f4a8e6aaa0d63f7826b55b9b37e6c7f40de
-- golden fingerprint: 5f3b288afa4625262aba7890b3cbdd8c7f5b43705eb991ab42380672f0bea30d
SET SESSION lock_wait_timeout = 10;

-- table gauges: change column level (its column check)
-- hazards: not_transactional, validates_rows
ALTER TABLE `gauges`
  MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (`level` between 0 and 9);
