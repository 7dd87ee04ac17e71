-- driftd reconciliation plan
-- target fingerprint: b7e9500010ce51e904ab9ff3646fd8537bbb3d625c8fec98e64ead61f2606995
-- golden fingerprint: ba5e40d1ad8ba9791c5a5a42a55cc1d95cc4ab2533d1bdd6d71a2a489c850d9f
SET SESSION lock_wait_timeout = 10;

-- table settings: change column note
-- hazards: not_transactional
ALTER TABLE `settings`
  MODIFY COLUMN `note` varchar(10) NULL;
