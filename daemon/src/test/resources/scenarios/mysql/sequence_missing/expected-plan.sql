-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 6678fa3da1c58a0f391e76f4675ba826cd09e78c6c70c250a6a2ee4b3d21fe2e
SET SESSION lock_wait_timeout = 10;

-- create missing sequence s_invoice
-- hazards: not_transactional
CREATE SEQUENCE `s_invoice` START WITH 100 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 5 CACHE 1000 NOCYCLE;
