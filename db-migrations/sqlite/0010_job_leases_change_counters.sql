-- Several API instances on one database.
-- Clustering jobs are claimed with a lease: lease_owner names the instance that runs the job,
-- lease_token is new on every claim (only its holder may store the result), lease_until is renewed by
-- the owner's heartbeat. Another instance takes a running job over only once lease_until has passed.
-- attempts counts claims, so a job that keeps stopping its instance is failed rather than retried forever.
ALTER TABLE clusterings ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE clusterings ADD COLUMN lease_token TEXT NULL;
ALTER TABLE clusterings ADD COLUMN lease_until TEXT NULL;
ALTER TABLE clusterings ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;

-- Round-robin over tenants looks up when each tenant's last job started; the per-tenant limit counts open jobs.
CREATE INDEX ix_clusterings_tenant_started ON clusterings (tenant_id, started_at);
CREATE INDEX ix_clusterings_tenant_status ON clusterings (tenant_id, status);

-- One counter per tenant and kind of cached data (clients, published profile set, peers of scores), raised
-- with every change. Each instance polls the table and drops what it cached under an older value.
CREATE TABLE change_counters (
    tenant_id  TEXT    NOT NULL REFERENCES tenants (id),
    kind       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, kind)
);

-- Idempotency records expire; the sweep deletes the oldest first.
CREATE INDEX ix_idempotency_records_created ON idempotency_records (created_at);
