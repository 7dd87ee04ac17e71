-- Version 5: waivers (dev.driftd.waiver): accepted drift of one member, bound to its exact changes
-- (JSON list of kind, object, change fingerprint), until it expires. Rows of source api are the
-- API's waivers; rows of source config only mark that a configured waiver's expiry was audited
-- (one node writes each expiry: the row's insert or update is the claim).
CREATE TABLE IF NOT EXISTS driftd_waiver (
    id VARCHAR(160) NOT NULL PRIMARY KEY,
    fleet VARCHAR(255) NOT NULL,
    member VARCHAR(255) NOT NULL,
    source VARCHAR(8) NOT NULL,
    owner VARCHAR(255) NOT NULL,
    reason ${text} NOT NULL,
    created_by VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changes ${text} NOT NULL,
    expired_at TIMESTAMP WITH TIME ZONE,
    removed_at TIMESTAMP WITH TIME ZONE,
    removed_by VARCHAR(255));

CREATE INDEX IF NOT EXISTS driftd_waiver_fleet ON driftd_waiver (fleet, removed_at);
