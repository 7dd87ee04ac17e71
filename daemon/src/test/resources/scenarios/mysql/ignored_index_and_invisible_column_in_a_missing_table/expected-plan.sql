-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 2d507ece9a255bcd47b73528a678331fc1b45c21878614d9f1260e29e8804462
SET SESSION lock_wait_timeout = 10;

-- create missing table probes
-- hazards: not_transactional
CREATE TABLE `probes` (
  `id` int NOT NULL,
  `v` int NULL,
  `secret` varchar(10) NULL INVISIBLE,
  PRIMARY KEY (`id`),
  INDEX `ix_v` (`v`) IGNORED
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;
