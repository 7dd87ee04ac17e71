-- driftd reconciliation plan
-- target fingerprint: 9e71d2a002a42caf0d77b0c81f00543b8ab8525600439cd103c901f5b79c9fe6
-- golden fingerprint: 6678fa3da1c58a0f391e76f4675ba826cd09e78c6c70c250a6a2ee4b3d21fe2e
SET SESSION lock_wait_timeout = 10;

-- change sequence s_invoice
-- hazards: not_transactional
ALTER SEQUENCE `s_invoice` START WITH 100 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 5 CACHE 1000 NOCYCLE;
