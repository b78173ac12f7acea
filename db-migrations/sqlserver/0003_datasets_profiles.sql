-- Pseudonymised datasets and their records, clustering jobs, profile sets and their profiles.
-- JSON columns hold domain values as written by the API (features, quality report, outcome,
-- model, the exact description, which is internal, and the published view, which is frozen).

CREATE TABLE dbo.Datasets (
    Id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Datasets PRIMARY KEY NONCLUSTERED,
    TenantId        UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Datasets_Tenants REFERENCES dbo.Tenants (Id),
    Name            NVARCHAR(200)    NOT NULL,
    Purpose         NVARCHAR(2000)   NOT NULL,
    Features        NVARCHAR(MAX)    NOT NULL,
    RetentionUntil  DATETIMEOFFSET(7) NOT NULL,
    RecordCount     BIGINT           NOT NULL CONSTRAINT DF_Datasets_RecordCount DEFAULT 0,
    Quality         NVARCHAR(MAX)    NULL,
    CreatedAt       DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt       DATETIMEOFFSET(7) NOT NULL
);
GO

CREATE CLUSTERED INDEX IX_Datasets_TenantPage ON dbo.Datasets (TenantId, CreatedAt, Id);
GO

CREATE INDEX IX_Datasets_Retention ON dbo.Datasets (RetentionUntil);
GO

-- Cells: the record's values in declared feature order, separated by U+001F (empty = missing).
-- SubjectPseudonym: keyed HMAC of the subject id; the raw id is never stored.
CREATE TABLE dbo.DatasetRecords (
    DatasetId         UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_DatasetRecords_Datasets REFERENCES dbo.Datasets (Id),
    RowNumber         BIGINT           NOT NULL,
    SubjectPseudonym  CHAR(64)         NOT NULL,
    Cells             NVARCHAR(MAX)    NOT NULL,
    CONSTRAINT PK_DatasetRecords PRIMARY KEY (DatasetId, RowNumber)
);
GO

CREATE TABLE dbo.Clusterings (
    Id               UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Clusterings PRIMARY KEY,
    TenantId         UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Clusterings_Tenants REFERENCES dbo.Tenants (Id),
    DatasetId        UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Clusterings_Datasets REFERENCES dbo.Datasets (Id),
    Status           NVARCHAR(20)     NOT NULL CONSTRAINT CK_Clusterings_Status CHECK (Status IN (N'queued', N'running', N'succeeded', N'failed', N'cancelled')),
    Options          NVARCHAR(MAX)    NOT NULL,
    Progress         FLOAT            NOT NULL CONSTRAINT DF_Clusterings_Progress DEFAULT 0,
    Phase            NVARCHAR(100)    NULL,
    CancelRequested  BIT              NOT NULL CONSTRAINT DF_Clusterings_CancelRequested DEFAULT 0,
    Outcome          NVARCHAR(MAX)    NULL,
    Model            NVARCHAR(MAX)    NULL,
    Description      NVARCHAR(MAX)    NULL,
    Error            NVARCHAR(2000)   NULL,
    CreatedAt        DATETIMEOFFSET(7) NOT NULL,
    StartedAt        DATETIMEOFFSET(7) NULL,
    FinishedAt       DATETIMEOFFSET(7) NULL
);
GO

CREATE INDEX IX_Clusterings_Queue ON dbo.Clusterings (Status, CreatedAt);
GO

CREATE INDEX IX_Clusterings_Dataset ON dbo.Clusterings (TenantId, DatasetId);
GO

CREATE TABLE dbo.ProfileSets (
    Id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_ProfileSets PRIMARY KEY,
    TenantId       UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_ProfileSets_Tenants REFERENCES dbo.Tenants (Id),
    DatasetId      UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_ProfileSets_Datasets REFERENCES dbo.Datasets (Id),
    ClusteringId   UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_ProfileSets_Clusterings REFERENCES dbo.Clusterings (Id),
    Status         NVARCHAR(20)     NOT NULL CONSTRAINT CK_ProfileSets_Status CHECK (Status IN (N'draft', N'published', N'retired')),
    Description    NVARCHAR(MAX)    NOT NULL,
    Method         NVARCHAR(MAX)    NOT NULL,
    PublishedView  NVARCHAR(MAX)    NULL,
    CreatedAt      DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt      DATETIMEOFFSET(7) NOT NULL,
    PublishedAt    DATETIMEOFFSET(7) NULL,
    RetiredAt      DATETIMEOFFSET(7) NULL
);
GO

CREATE INDEX IX_ProfileSets_Tenant ON dbo.ProfileSets (TenantId, CreatedAt, Id);
GO

CREATE INDEX IX_ProfileSets_Dataset ON dbo.ProfileSets (TenantId, DatasetId);
GO

-- At most one published set per tenant.
CREATE UNIQUE INDEX UX_ProfileSets_Published ON dbo.ProfileSets (TenantId) WHERE Status = N'published';
GO

CREATE TABLE dbo.Profiles (
    Id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Profiles PRIMARY KEY,
    TenantId       UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Profiles_Tenants REFERENCES dbo.Tenants (Id),
    ProfileSetId   UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Profiles_ProfileSets REFERENCES dbo.ProfileSets (Id),
    Cluster        INT              NOT NULL,
    NameNl         NVARCHAR(200)    NULL,
    NameEn         NVARCHAR(200)    NULL,
    DescriptionNl  NVARCHAR(2000)   NULL,
    DescriptionEn  NVARCHAR(2000)   NULL,
    UpdatedAt      DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT UQ_Profiles_SetCluster UNIQUE (ProfileSetId, Cluster)
);
GO
