-- Transparency: assignments (advice, never a decision), the case worker's decision, objections
-- of citizens, and the append-only access log. Subjects appear only as a keyed pseudonym
-- (HMAC with a per-tenant key held outside the database); a raw identifier is never stored.

CREATE TABLE dbo.Assignments (
    Id                          UNIQUEIDENTIFIER  NOT NULL CONSTRAINT PK_Assignments PRIMARY KEY NONCLUSTERED,
    TenantId                    UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_Assignments_Tenants REFERENCES dbo.Tenants (Id),
    SubjectPseudonym            NVARCHAR(64)      NOT NULL,
    ProfileSetId                UNIQUEIDENTIFIER  NOT NULL,
    ProfileId                   UNIQUEIDENTIFIER  NOT NULL,
    -- The subject's features as sent (JSON {name: value}); the advice is recomputed from them.
    Features                    NVARCHAR(MAX)     NOT NULL,
    Uncertain                   BIT               NOT NULL,
    CreatedAt                   DATETIMEOFFSET(7) NOT NULL,
    ClientId                    NVARCHAR(100)     NOT NULL,
    UserId                      NVARCHAR(255)     NULL,
    UserRepresentation          NVARCHAR(255)     NULL,
    DecisionOutcome             NVARCHAR(20)      NULL CONSTRAINT CK_Assignments_DecisionOutcome CHECK (DecisionOutcome IS NULL OR DecisionOutcome IN (N'follows', N'deviates')),
    DecisionReasoning           NVARCHAR(4000)    NULL,
    DecidedAt                   DATETIMEOFFSET(7) NULL,
    DecidedByClientId           NVARCHAR(100)     NULL,
    DecidedByUserId             NVARCHAR(255)     NULL,
    DecidedByUserRepresentation NVARCHAR(255)     NULL,
    -- Set when an upheld objection stops the use of this advice.
    WithdrawnAt                 DATETIMEOFFSET(7) NULL
);
GO

CREATE CLUSTERED INDEX IX_Assignments_Subject ON dbo.Assignments (TenantId, SubjectPseudonym, CreatedAt);
GO

CREATE TABLE dbo.Objections (
    Id                           UNIQUEIDENTIFIER  NOT NULL CONSTRAINT PK_Objections PRIMARY KEY NONCLUSTERED,
    TenantId                     UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_Objections_Tenants REFERENCES dbo.Tenants (Id),
    SubjectPseudonym             NVARCHAR(64)      NOT NULL,
    AssignmentId                 UNIQUEIDENTIFIER  NULL CONSTRAINT FK_Objections_Assignments REFERENCES dbo.Assignments (Id),
    Kind                         NVARCHAR(20)      NOT NULL CONSTRAINT CK_Objections_Kind CHECK (Kind IN (N'notMe', N'doNotWant')),
    Message                      NVARCHAR(2000)    NULL,
    Status                       NVARCHAR(20)      NOT NULL CONSTRAINT CK_Objections_Status CHECK (Status IN (N'open', N'upheld', N'rejected')),
    CreatedAt                    DATETIMEOFFSET(7) NOT NULL,
    ClientId                     NVARCHAR(100)     NOT NULL,
    ReviewedAt                   DATETIMEOFFSET(7) NULL,
    ReviewReasoning              NVARCHAR(4000)    NULL,
    ReviewedByClientId           NVARCHAR(100)     NULL,
    ReviewedByUserId             NVARCHAR(255)     NULL,
    ReviewedByUserRepresentation NVARCHAR(255)     NULL
);
GO

CREATE CLUSTERED INDEX IX_Objections_TenantPage ON dbo.Objections (TenantId, CreatedAt, Id);
GO

CREATE INDEX IX_Objections_Subject ON dbo.Objections (TenantId, SubjectPseudonym, Status);
GO

-- Modelled on the "Logboek Dataverwerkingen": who (client, person), when, which processing
-- activity, why, and what was done. Append-only: the trigger below refuses every change.
CREATE TABLE dbo.AccessLog (
    Id                  UNIQUEIDENTIFIER  NOT NULL CONSTRAINT PK_AccessLog PRIMARY KEY NONCLUSTERED,
    TenantId            UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_AccessLog_Tenants REFERENCES dbo.Tenants (Id),
    SubjectPseudonym    NVARCHAR(64)      NOT NULL,
    OccurredAt          DATETIMEOFFSET(7) NOT NULL,
    ClientId            NVARCHAR(100)     NOT NULL,
    UserId              NVARCHAR(255)     NULL,
    UserRepresentation  NVARCHAR(255)     NULL,
    Activity            NVARCHAR(100)     NOT NULL,
    Reason              NVARCHAR(500)     NOT NULL,
    Action              NVARCHAR(100)     NOT NULL,
    ResourceId          UNIQUEIDENTIFIER  NULL
);
GO

CREATE CLUSTERED INDEX IX_AccessLog_Subject ON dbo.AccessLog (TenantId, SubjectPseudonym, OccurredAt);
GO

CREATE TRIGGER dbo.TR_AccessLog_AppendOnly ON dbo.AccessLog
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N'The access log is append-only: entries cannot be changed or deleted.', 1;
END;
GO
