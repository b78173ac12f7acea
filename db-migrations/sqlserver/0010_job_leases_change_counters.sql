-- Several API instances on one database.
-- Clustering jobs are claimed with a lease: LeaseOwner names the instance that runs the job,
-- LeaseToken is new on every claim (only its holder may store the result), LeaseUntil is renewed by
-- the owner's heartbeat. Another instance takes a running job over only once LeaseUntil has passed.
-- Attempts counts claims, so a job that keeps stopping its instance is failed rather than retried forever.
ALTER TABLE dbo.Clusterings ADD
    LeaseOwner  NVARCHAR(200)     NULL,
    LeaseToken  UNIQUEIDENTIFIER  NULL,
    LeaseUntil  DATETIMEOFFSET(7) NULL,
    Attempts    INT               NOT NULL CONSTRAINT DF_Clusterings_Attempts DEFAULT 0;
GO

-- Round-robin over tenants looks up when each tenant's last job started; the per-tenant limit counts open jobs.
CREATE INDEX IX_Clusterings_TenantStarted ON dbo.Clusterings (TenantId, StartedAt);
GO

CREATE INDEX IX_Clusterings_TenantStatus ON dbo.Clusterings (TenantId, Status);
GO

-- One counter per tenant and kind of cached data (clients, published profile set, peers of scores), raised
-- with every change. Each instance polls the table and drops what it cached under an older value.
CREATE TABLE dbo.ChangeCounters (
    TenantId  UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_ChangeCounters_Tenants REFERENCES dbo.Tenants (Id),
    Kind      NVARCHAR(50)     NOT NULL,
    Version   BIGINT           NOT NULL,
    CONSTRAINT PK_ChangeCounters PRIMARY KEY (TenantId, Kind)
);
GO

-- Idempotency records expire; the sweep deletes the oldest first.
CREATE INDEX IX_IdempotencyRecords_Created ON dbo.IdempotencyRecords (CreatedAt);
GO
