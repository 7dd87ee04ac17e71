-- driftd reconciliation plan
-- target fingerprint: bc24802bb60bc8240e3f6d00ccc189adeee007f4d641cc17b3e7858d4fa5e806
-- golden fingerprint: 993e3315458b63a258907ec2aeaa3661192dcdfde2c45012c1e3261a24a363d0
SET SESSION lock_wait_timeout = 10;

-- table metrics: remove partitioning
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics` REMOVE PARTITIONING;

-- table metrics: change primary key; change column v
-- hazards: index_dropped, not_transactional, rewrites_table, validates_rows
ALTER TABLE `metrics`
  DROP PRIMARY KEY,
  MODIFY COLUMN `v` int NOT NULL,
  ADD PRIMARY KEY (`id`, `day`, `v`);

-- table metrics: re-partition
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics`
  PARTITION BY KEY (`v`) PARTITIONS 3;
