-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: b168c84b6589d559ab691cc0459c8b858e4e70b34e12619ecacd245db85f4926
SET SESSION lock_wait_timeout = 10;

-- create missing table blobs
-- hazards: not_transactional
CREATE TABLE `blobs` (
  `id` int NOT NULL,
  `body` blob compressed NULL,
  `title` varchar(200) compressed CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL DEFAULT 'x',
  PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;
