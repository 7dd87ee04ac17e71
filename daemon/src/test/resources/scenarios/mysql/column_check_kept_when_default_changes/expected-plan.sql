-- driftd reconciliation plan
-- target fingerprint: a8445975681a0e4c6b5dfd5df9b102e4d8444e5a4e9c8da6aff4a066144dd90f
-- golden fingerprint: 5f3b288afa4625262aba7890b3cbdd8c7f5b43705eb991ab42380672f0bea30d
SET SESSION lock_wait_timeout = 10;

-- table gauges: change column level
-- hazards: not_transactional
ALTER TABLE `gauges`
  MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (`level` between 0 and 9);
