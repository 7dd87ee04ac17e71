-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 1ac97f46852be6d8d6c9c3f263e2d8d79e90a2982939be63863d2ce1fedfff0e
SET SESSION lock_wait_timeout = 10;

-- create missing table ledger
-- hazards: not_transactional
CREATE TABLE `ledger` (
  `id` int NOT NULL,
  `amount` int NOT NULL,
  PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB WITH SYSTEM VERSIONING;
