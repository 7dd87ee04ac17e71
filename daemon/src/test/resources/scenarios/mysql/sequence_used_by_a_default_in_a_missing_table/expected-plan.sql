-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: d824ed5c5c2f6b984c02142ee0eb5fc797acb22075d6261c7a4feec77ca994d3
SET SESSION lock_wait_timeout = 10;

-- create missing sequence s_ticket
-- hazards: not_transactional
CREATE SEQUENCE `s_ticket` START WITH 10 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 CACHE 1000 NOCYCLE;

-- create missing table tickets
-- hazards: not_transactional
CREATE TABLE `tickets` (
  `id` bigint NOT NULL DEFAULT (nextval(`s_ticket`)),
  `v` int NULL,
  PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ENGINE=InnoDB;
