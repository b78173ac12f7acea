-- Records stored compactly, for uploads and clusterings of millions of households (as on SQLite).
--
-- Every dataset gets a small integer key (RecordKey) for its records and subjects, instead of its
-- 16-byte id in every row. Records are kept in blocks of up to 128 consecutive rows: one row of
-- dbo.DatasetRecordBlocks holds FirstRow .. FirstRow + RecordCount - 1. Each record in a block is the
-- length of its cells in bytes (4 bytes, big-endian) and its cells (UTF-8, values in declared feature
-- order separated by U+001F, empty = missing). Whose record it is lives only in dbo.DatasetSubjectKeys:
-- the pseudonym (its 32 bytes, not 64 hex digits) and the row number of each record.
--
-- Existing records move over as blocks of one record each (their cells turned into UTF-8 through a
-- UTF-8 collation, SQL Server 2019 or later); new uploads write full blocks.

ALTER TABLE dbo.Datasets ADD RecordKey BIGINT IDENTITY(1, 1) NOT NULL;
GO

CREATE UNIQUE INDEX UX_Datasets_RecordKey ON dbo.Datasets (RecordKey);
GO

CREATE TABLE dbo.DatasetRecordBlocks (
    DatasetKey   BIGINT          NOT NULL CONSTRAINT FK_DatasetRecordBlocks_Datasets REFERENCES dbo.Datasets (RecordKey),
    FirstRow     BIGINT          NOT NULL,
    RecordCount  INT             NOT NULL CONSTRAINT CK_DatasetRecordBlocks_RecordCount CHECK (RecordCount BETWEEN 1 AND 128),
    Records      VARBINARY(MAX)  NOT NULL,
    CONSTRAINT PK_DatasetRecordBlocks PRIMARY KEY (DatasetKey, FirstRow)
);
GO

INSERT INTO dbo.DatasetRecordBlocks (DatasetKey, FirstRow, RecordCount, Records)
SELECT d.RecordKey, r.RowNumber, 1, CAST(CAST(DATALENGTH(u.Cells) AS INT) AS BINARY(4)) + u.Cells
FROM dbo.DatasetRecords r
JOIN dbo.Datasets d ON d.Id = r.DatasetId
CROSS APPLY (SELECT CAST(CAST(r.Cells COLLATE Latin1_General_100_BIN2_UTF8 AS VARCHAR(MAX)) AS VARBINARY(MAX)) AS Cells) u;
GO

-- Which records are a subject's: the pseudonym finds the datasets that hold a citizen's record (by its
-- prefix), and the row numbers a clustering leaves out after an upheld "I don't want this".
CREATE TABLE dbo.DatasetSubjectKeys (
    DatasetKey        BIGINT      NOT NULL CONSTRAINT FK_DatasetSubjectKeys_Datasets REFERENCES dbo.Datasets (RecordKey),
    SubjectPseudonym  BINARY(32)  NOT NULL,
    RowNumber         BIGINT      NOT NULL,
    CONSTRAINT PK_DatasetSubjectKeys PRIMARY KEY (DatasetKey, SubjectPseudonym, RowNumber)
);
GO

INSERT INTO dbo.DatasetSubjectKeys (DatasetKey, SubjectPseudonym, RowNumber)
SELECT d.RecordKey, CONVERT(BINARY(32), r.SubjectPseudonym, 2), r.RowNumber
FROM dbo.DatasetRecords r
JOIN dbo.Datasets d ON d.Id = r.DatasetId;
GO

DROP TABLE dbo.DatasetRecords;
GO

DROP TABLE dbo.DatasetSubjects;
GO
