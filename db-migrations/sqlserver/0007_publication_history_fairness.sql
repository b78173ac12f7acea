-- Publication history and the inequality check's human review.
-- ProfilePublications: one row per publication of a dataset's profiles, with what it showed and the exact
-- counts behind it (JSON, internal like ProfileSets.Description), so that a later publication of the same
-- dataset can be compared with every earlier one (differencing). Kept when a set is retired; removed with
-- its dataset.
CREATE TABLE dbo.ProfilePublications (
    Id              UNIQUEIDENTIFIER  NOT NULL CONSTRAINT PK_ProfilePublications PRIMARY KEY,
    TenantId        UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_ProfilePublications_Tenants REFERENCES dbo.Tenants (Id),
    DatasetId       UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_ProfilePublications_Datasets REFERENCES dbo.Datasets (Id),
    ProfileSetId    UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_ProfilePublications_ProfileSets REFERENCES dbo.ProfileSets (Id)
                                      CONSTRAINT UQ_ProfilePublications_ProfileSet UNIQUE,
    K               INT               NOT NULL,
    PublishedAt     DATETIMEOFFSET(7) NOT NULL,
    Record          NVARCHAR(MAX)     NOT NULL
);
GO

CREATE INDEX IX_ProfilePublications_Dataset ON dbo.ProfilePublications (TenantId, DatasetId, PublishedAt);
GO

-- A person's review of the inequality check's findings for a profile set: who, when, why, and what was found.
CREATE TABLE dbo.FairnessReviews (
    Id                  UNIQUEIDENTIFIER  NOT NULL CONSTRAINT PK_FairnessReviews PRIMARY KEY,
    TenantId            UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_FairnessReviews_Tenants REFERENCES dbo.Tenants (Id),
    ProfileSetId        UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_FairnessReviews_ProfileSets REFERENCES dbo.ProfileSets (Id)
                                          CONSTRAINT UQ_FairnessReviews_ProfileSet UNIQUE,
    Findings            NVARCHAR(MAX)     NOT NULL,
    Reasoning           NVARCHAR(4000)    NOT NULL,
    ReviewedAt          DATETIMEOFFSET(7) NOT NULL,
    ClientId            NVARCHAR(100)     NOT NULL,
    UserId              NVARCHAR(255)     NOT NULL,
    UserRepresentation  NVARCHAR(255)     NULL
);
GO

-- A review that a later one replaced (new findings appeared after it) is kept here, as it was, so no
-- person's recorded reasoning is ever lost.
CREATE TABLE dbo.FairnessReviewsReplaced (
    Id                  UNIQUEIDENTIFIER  NOT NULL CONSTRAINT PK_FairnessReviewsReplaced PRIMARY KEY,
    TenantId            UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_FairnessReviewsReplaced_Tenants REFERENCES dbo.Tenants (Id),
    ProfileSetId        UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_FairnessReviewsReplaced_ProfileSets REFERENCES dbo.ProfileSets (Id),
    Findings            NVARCHAR(MAX)     NOT NULL,
    Reasoning           NVARCHAR(4000)    NOT NULL,
    ReviewedAt          DATETIMEOFFSET(7) NOT NULL,
    ClientId            NVARCHAR(100)     NOT NULL,
    UserId              NVARCHAR(255)     NOT NULL,
    UserRepresentation  NVARCHAR(255)     NULL,
    ReplacedAt          DATETIMEOFFSET(7) NOT NULL
);
GO
