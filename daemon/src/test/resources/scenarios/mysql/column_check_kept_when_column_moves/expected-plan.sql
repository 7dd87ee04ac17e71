-- driftd reconciliation plan
-- target fingerprint: 51021b8572c1f28f29edb1682638fe9a1483ff142e87f67cec1c81f67bee8d87
-- golden fingerprint: 5f3b288afa4625262aba7890b3cbdd8c7f5b43705eb991ab42380672f0bea30d
SET SESSION lock_wait_timeout = 10;

-- table gauges: move column level
-- hazards: not_transactional, rewrites_table
ALTER TABLE `gauges`
  MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (`level` between 0 and 9) AFTER `id`;
