-- driftd reconciliation plan
-- target fingerprint: a33cb8887a9dea7378efc974e8932d0c26512cdbf6511b439ee89f961c43301e
-- golden fingerprint: b168c84b6589d559ab691cc0459c8b858e4e70b34e12619ecacd245db85f4926
SET SESSION lock_wait_timeout = 10;

-- table blobs: change column body; change column title
-- hazards: not_transactional, rewrites_table
ALTER TABLE `blobs`
  MODIFY COLUMN `body` blob compressed NULL,
  MODIFY COLUMN `title` varchar(200) compressed CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL DEFAULT 'x';
