-- The access log becomes tamper-evident: every entry carries its place in its tenant's chain, the
-- hash of the entry before it and its own hash (SHA-256 over the canonical form described in
-- docs/transparency.md), and each tenant's chain head is kept so that a removed last entry shows too.
--
-- Entries written before this migration keep NULL in the new columns: they are the chain's
-- pre-history. The first entry a tenant writes afterwards seals them: its previous hash (the
-- chain's genesis) is a hash over every pre-history entry of the tenant, so a later change to
-- one of them, or an unchained entry slipped in, breaks the chain at its first entry.
--
-- The runtime login should only INSERT and SELECT here: see db-migrations/sqlserver-grants/.

ALTER TABLE dbo.AccessLog ADD
    ChainPosition BIGINT   NULL,
    PreviousHash  CHAR(64) NULL,
    EntryHash     CHAR(64) NULL;
GO

-- One entry per place in a tenant's chain: two writers can never fork it.
CREATE UNIQUE INDEX UX_AccessLog_Chain ON dbo.AccessLog (TenantId, ChainPosition) WHERE ChainPosition IS NOT NULL;
GO

-- Writers lock their tenant's head (UPDLOCK, HOLDLOCK) before they append, so a chain grows one entry at a time.
CREATE TABLE dbo.AccessLogChainHeads (
    TenantId         UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_AccessLogChainHeads PRIMARY KEY CONSTRAINT FK_AccessLogChainHeads_Tenants REFERENCES dbo.Tenants (Id),
    Position         BIGINT           NOT NULL,
    EntryId          UNIQUEIDENTIFIER NOT NULL,
    EntryHash        CHAR(64)         NOT NULL,
    GenesisHash      CHAR(64)         NOT NULL,
    PreHistoryCount  BIGINT           NOT NULL
);
GO

-- A head only moves forward and keeps its genesis.
CREATE TRIGGER dbo.TR_AccessLogChainHeads_Forward ON dbo.AccessLogChainHeads
AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (
        SELECT 1 FROM inserted AS i
        LEFT JOIN deleted AS d ON d.TenantId = i.TenantId
        WHERE d.TenantId IS NULL OR i.Position <= d.Position OR i.GenesisHash <> d.GenesisHash OR i.PreHistoryCount <> d.PreHistoryCount)
    BEGIN
        THROW 51001, N'The access log chain only moves forward.', 1;
    END;
END;
GO

CREATE TRIGGER dbo.TR_AccessLogChainHeads_NoDelete ON dbo.AccessLogChainHeads
INSTEAD OF DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 51002, N'The access log chain cannot be deleted.', 1;
END;
GO
