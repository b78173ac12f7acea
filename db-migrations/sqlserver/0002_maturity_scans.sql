-- Maturity scans: a scan pins one model id and version; respondents' answers are stored per
-- respondent as JSON ({"questionId": 1..5 or null for not applicable}); completion freezes the
-- scan and stores the computed ScanScore as JSON with unrounded numbers, so a stored score
-- never changes even if the scoring code does.

CREATE TABLE dbo.Scans (
    Id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Scans PRIMARY KEY NONCLUSTERED,
    TenantId        UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Scans_Tenants REFERENCES dbo.Tenants (Id),
    OrganisationId  UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Scans_Organisations REFERENCES dbo.Organisations (Id),
    ModelId         NVARCHAR(100)    NOT NULL,
    ModelVersion    INT              NOT NULL,
    Targets         NVARCHAR(MAX)    NOT NULL,
    CreatedAt       DATETIMEOFFSET(7) NOT NULL,
    CompletedAt     DATETIMEOFFSET(7) NULL,
    Score           NVARCHAR(MAX)    NULL
);
GO

CREATE CLUSTERED INDEX IX_Scans_TenantOrganisation ON dbo.Scans (TenantId, OrganisationId, CreatedAt, Id);
GO

CREATE INDEX IX_Scans_TenantCompleted ON dbo.Scans (TenantId, CompletedAt, Id);
GO

CREATE INDEX IX_Scans_ModelCompleted ON dbo.Scans (ModelId, CompletedAt);
GO

CREATE TABLE dbo.ScanResponses (
    TenantId      UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_ScanResponses_Tenants REFERENCES dbo.Tenants (Id),
    ScanId        UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_ScanResponses_Scans REFERENCES dbo.Scans (Id),
    RespondentId  NVARCHAR(64)     NOT NULL,
    Role          NVARCHAR(100)    NULL,
    Answers       NVARCHAR(MAX)    NOT NULL,
    CreatedAt     DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt     DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT PK_ScanResponses PRIMARY KEY (ScanId, RespondentId)
);
GO
