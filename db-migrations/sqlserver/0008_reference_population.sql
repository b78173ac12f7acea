-- A dataset's reference population: aggregate counts for all households of the municipality (for example
-- from CBS StatLine), as JSON written by the API. Null until one is given; it goes with the dataset's row.
ALTER TABLE dbo.Datasets ADD ReferencePopulation NVARCHAR(MAX) NULL;
GO
