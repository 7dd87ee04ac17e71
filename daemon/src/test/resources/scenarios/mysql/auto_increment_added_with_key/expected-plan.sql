-- driftd reconciliation plan
-- target fingerprint: eb4270c854c2ad9da1936fc12eda0daf2901a88c4987dd10d6a833b83785ff81
-- golden fingerprint: e3de4c1f7148523d1379fe421e75890ec5a381d016d993c3612054614fa1f62c
SET SESSION lock_wait_timeout = 10;

-- table seqless: change column id
-- hazards: not_transactional
ALTER TABLE `seqless`
  MODIFY COLUMN `id` int NOT NULL AUTO_INCREMENT;
