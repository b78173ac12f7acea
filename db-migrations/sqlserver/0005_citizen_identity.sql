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

-- A citizen sees which datasets hold a record of theirs, found by pseudonym at read time.
CREATE INDEX IX_DatasetRecords_Subject ON dbo.DatasetRecords (DatasetId, SubjectPseudonym);
GO
