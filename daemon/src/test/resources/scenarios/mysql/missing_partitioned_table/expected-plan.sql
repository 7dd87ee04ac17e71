-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 136bbe4e7ebbd76cac3dcefe5c73edce413e143c2747848c272bdabb21ea332c
SET SESSION lock_wait_timeout = 10;

-- create missing table readings
-- hazards: not_transactional
CREATE TABLE `readings` (
  `id` int NOT NULL,
  `taken` date NOT NULL,
  PRIMARY KEY (`id`, `taken`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB
PARTITION BY RANGE (year(`taken`)) (PARTITION `p2024` VALUES LESS THAN (2025), PARTITION `pmax` VALUES LESS THAN MAXVALUE);
