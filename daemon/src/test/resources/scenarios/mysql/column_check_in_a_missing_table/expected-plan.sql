-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 5f3b288afa4625262aba7890b3cbdd8c7f5b43705eb991ab42380672f0bea30d
SET SESSION lock_wait_timeout = 10;

-- create missing table gauges
-- hazards: not_transactional
CREATE TABLE `gauges` (
  `id` int NOT NULL,
  `level` int NULL DEFAULT 1 CHECK (`level` between 0 and 9),
  `note` varchar(20) NOT NULL DEFAULT '' CHECK (`note` <> 'x'),
  PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;
