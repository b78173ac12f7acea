-- Citizens: one canonical subject id. A dataset declares what its subject ids are: 'bsn' (digits,
-- nine with leading zeros, eleven-test) or 'other' (trimmed, lower-cased). Datasets that existed
-- before this migration are 'other', so their next uploads are read as before (apart from case);
-- new datasets are 'bsn' unless declared otherwise.
ALTER TABLE dbo.Datasets ADD SubjectIdKind NVARCHAR(10) NOT NULL
    CONSTRAINT DF_Datasets_SubjectIdKind DEFAULT N'other'
    CONSTRAINT CK_Datasets_SubjectIdKind CHECK (SubjectIdKind IN (N'bsn', N'other'));
GO

-- A client's name as people read it ("Zaaksysteem Werk en Inkomen"): a citizen is shown which
-- applications may use their data, by name. Null for clients made before: their client id is shown.
ALTER TABLE dbo.Clients ADD Name NVARCHAR(200) NULL;
GO

-- A citizen sees which datasets hold a record of theirs, found by pseudonym at read time. The pairs
-- live in a table of their own, filled once per upload (as on SQLite, where an index on the records
-- made uploads 2.5 times slower). Deleting a dataset deletes its pairs with its records.
CREATE TABLE dbo.DatasetSubjects (
    DatasetId         UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_DatasetSubjects_Datasets REFERENCES dbo.Datasets (Id),
    SubjectPseudonym  CHAR(64)         NOT NULL,
    CONSTRAINT PK_DatasetSubjects PRIMARY KEY (DatasetId, SubjectPseudonym)
);
GO

INSERT INTO dbo.DatasetSubjects (DatasetId, SubjectPseudonym)
SELECT DISTINCT DatasetId, SubjectPseudonym FROM dbo.DatasetRecords;
GO
