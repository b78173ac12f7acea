-- Platform: tenants, their calling applications (clients), scanned organisations and the
-- idempotency record of creating POSTs.

CREATE TABLE dbo.Tenants (
    Id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Tenants PRIMARY KEY,
    Slug       NVARCHAR(64)     NOT NULL CONSTRAINT UQ_Tenants_Slug UNIQUE,
    Name       NVARCHAR(200)    NOT NULL,
    CreatedAt  DATETIMEOFFSET(7) NOT NULL
);
GO

-- The secret itself is never stored: it is derived from the master key (outside the database)
-- and SecretSalt; SecretHash lets us check the derivation in constant time.
CREATE TABLE dbo.Clients (
    Id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Clients PRIMARY KEY,
    TenantId    UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Clients_Tenants REFERENCES dbo.Tenants (Id),
    ClientId    NVARCHAR(100)    NOT NULL CONSTRAINT UQ_Clients_ClientId UNIQUE,
    SecretSalt  NVARCHAR(100)    NOT NULL,
    SecretHash  NVARCHAR(100)    NOT NULL,
    Scopes      NVARCHAR(1000)   NOT NULL,
    CreatedAt   DATETIMEOFFSET(7) NOT NULL,
    RevokedAt   DATETIMEOFFSET(7) NULL
);
GO

CREATE INDEX IX_Clients_Tenant ON dbo.Clients (TenantId);
GO

CREATE TABLE dbo.Organisations (
    Id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Organisations PRIMARY KEY NONCLUSTERED,
    TenantId     UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Organisations_Tenants REFERENCES dbo.Tenants (Id),
    Name         NVARCHAR(200)    NOT NULL,
    Kind         NVARCHAR(20)     NOT NULL CONSTRAINT CK_Organisations_Kind CHECK (Kind IN (N'municipality', N'department', N'partner', N'other')),
    Inhabitants  INT              NULL CONSTRAINT CK_Organisations_Inhabitants CHECK (Inhabitants IS NULL OR Inhabitants >= 0),
    Region       NVARCHAR(100)    NULL,
    CreatedAt    DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt    DATETIMEOFFSET(7) NOT NULL
);
GO

CREATE CLUSTERED INDEX IX_Organisations_TenantPage ON dbo.Organisations (TenantId, CreatedAt, Id);
GO

-- A creating POST with an Idempotency-Key: pending until the first response is stored, then
-- replayed to every retry with the same key from the same client.
CREATE TABLE dbo.IdempotencyRecords (
    TenantId     UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_IdempotencyRecords_Tenants REFERENCES dbo.Tenants (Id),
    ClientId     NVARCHAR(100)    NOT NULL,
    IdemKey      NVARCHAR(200)    NOT NULL,
    RequestHash  NVARCHAR(100)    NOT NULL,
    StatusCode   INT              NULL,
    Location     NVARCHAR(2000)   NULL,
    ContentType  NVARCHAR(200)    NULL,
    Body         VARBINARY(MAX)   NULL,
    CreatedAt    DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT PK_IdempotencyRecords PRIMARY KEY (TenantId, ClientId, IdemKey)
);
GO
