using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Datasets;

public sealed record DatasetSql(
    string Insert,
    string Find,
    string FirstPage,
    string NextPage,
    string RecordSource,
    string ExcludedRows,
    string InsertRecordBlock,
    string ReadRecordBlocks,
    string ReadRecordBlocksRange,
    string CompleteUpload,
    string DeleteProfiles,
    string DeleteProfileSets,
    string DeleteClusterings,
    string DeleteRecords,
    string DeleteSubjects,
    string DeleteDataset,
    string Expired,
    string RecordRowRange,
    string ContainingSubject,
    string UpdateReferencePopulation) : ISqlStatements
{
    private const string SqliteColumns = "id, tenant_id, name, purpose, features, retention_until, record_count, quality, created_at, updated_at, subject_id_kind, reference_population";
    private const string SqlServerColumns = "Id, TenantId, Name, Purpose, Features, RetentionUntil, RecordCount, Quality, CreatedAt, UpdatedAt, SubjectIdKind, ReferencePopulation";

    // A block holds at most this many rows, so the blocks holding rows From..To start after From - this.
    private const int BlockRows = RecordBlock.MaxRecords;

    /// <summary>
    /// SQLite's addition of <paramref name="rows"/> records' subjects to the subject index of one dataset:
    /// <c>@DatasetKey</c> is parameter 1, then each record has two positional parameters (the pseudonym's 32
    /// bytes, the row number), so record i's are 2 + 2i and 3 + 2i.
    /// </summary>
    public static string SqliteInsertSubjects(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        return "INSERT INTO dataset_subject_keys (dataset_key, subject_pseudonym, row_number) VALUES "
            + string.Join(", ", Enumerable.Repeat("(@DatasetKey, ?, ?)", rows));
    }

    public static readonly DatasetSql Sqlite = new(
        // The database numbers each new dataset for its records (record_key: a trigger on SQLite, an identity on SQL Server).
        Insert: $"INSERT INTO datasets ({SqliteColumns}) VALUES (@Id, @TenantId, @Name, @Purpose, @Features, @RetentionUntil, @RecordCount, @Quality, @CreatedAt, @UpdatedAt, @SubjectIdKind, @ReferencePopulation)",
        Find: $"SELECT {SqliteColumns} FROM datasets WHERE tenant_id = @TenantId AND id = @Id",
        FirstPage: $"SELECT {SqliteColumns} FROM datasets WHERE tenant_id = @TenantId ORDER BY created_at, id LIMIT @Limit",
        NextPage: $"""
            SELECT {SqliteColumns} FROM datasets
            WHERE tenant_id = @TenantId
              AND (created_at > @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Limit
            """,
        // The key under which the tenant's dataset keeps its records, and what its subject ids are.
        RecordSource: "SELECT record_key AS RecordKey, subject_id_kind AS SubjectIdKind FROM datasets WHERE tenant_id = @TenantId AND id = @DatasetId",
        // An upheld "I don't want this" keeps the subject's records out of every new clustering of the tenant
        // (in datasets whose subjects are BSNs only: a client number in an 'other' dataset that happens to equal
        // the citizen's BSN is someone else): the rows of the dataset that are the records of such subjects, one
        // seek in the subject index per upheld objection.
        ExcludedRows: """
            SELECT s.row_number FROM objections o
            JOIN dataset_subject_keys s ON s.dataset_key = @DatasetKey AND s.subject_pseudonym = unhex(o.subject_pseudonym)
            WHERE o.tenant_id = @TenantId AND o.kind = 'doNotWant' AND o.status = 'upheld'
            """,
        InsertRecordBlock: "INSERT INTO dataset_record_blocks (dataset_key, first_row, row_count, records) VALUES (@DatasetKey, @FirstRow, @RowCount, @Records)",
        ReadRecordBlocks: "SELECT first_row, row_count, records FROM dataset_record_blocks WHERE dataset_key = @DatasetKey ORDER BY first_row",
        // The blocks that hold any of the rows FromRow..ToRow: one range of the key (dataset_key, first_row).
        ReadRecordBlocksRange: $"""
            SELECT first_row, row_count, records FROM dataset_record_blocks
            WHERE dataset_key = @DatasetKey AND first_row > @FromRow - {BlockRows} AND first_row <= @ToRow
            ORDER BY first_row
            """,
        CompleteUpload: "UPDATE datasets SET record_count = @RecordCount, quality = @Quality, updated_at = @UpdatedAt WHERE tenant_id = @TenantId AND id = @Id",
        DeleteProfiles: "DELETE FROM profiles WHERE tenant_id = @TenantId AND profile_set_id IN (SELECT id FROM profile_sets WHERE tenant_id = @TenantId AND dataset_id = @Id)",
        DeleteProfileSets: "DELETE FROM profile_sets WHERE tenant_id = @TenantId AND dataset_id = @Id",
        DeleteClusterings: "DELETE FROM clusterings WHERE tenant_id = @TenantId AND dataset_id = @Id",
        DeleteRecords: "DELETE FROM dataset_record_blocks WHERE dataset_key = (SELECT d.record_key FROM datasets d WHERE d.id = @Id AND d.tenant_id = @TenantId)",
        DeleteSubjects: "DELETE FROM dataset_subject_keys WHERE dataset_key = (SELECT d.record_key FROM datasets d WHERE d.id = @Id AND d.tenant_id = @TenantId)",
        DeleteDataset: "DELETE FROM datasets WHERE tenant_id = @TenantId AND id = @Id",
        Expired: "SELECT tenant_id AS TenantId, id AS Id FROM datasets WHERE retention_until < @Cutoff",
        // Two subqueries, so that each is one seek at an end of the key; the last row is the last block's last.
        RecordRowRange: """
            SELECT (SELECT MIN(b.first_row) FROM dataset_record_blocks b WHERE b.dataset_key = d.record_key) AS First,
                   (SELECT b.first_row + b.row_count - 1 FROM dataset_record_blocks b WHERE b.dataset_key = d.record_key ORDER BY b.first_row DESC LIMIT 1) AS Last
            FROM datasets d
            WHERE d.tenant_id = @TenantId AND d.id = @DatasetId
            """,
        // Only datasets declared 'bsn' are linked to a citizen (by the pseudonym of their BSN, as 32 bytes: a seek
        // on the first two columns of the subject index).
        ContainingSubject: $"""
            SELECT {SqliteColumns} FROM datasets d
            WHERE d.tenant_id = @TenantId AND d.subject_id_kind = 'bsn'
              AND EXISTS (SELECT 1 FROM dataset_subject_keys s WHERE s.dataset_key = d.record_key AND s.subject_pseudonym = @SubjectPseudonym)
            ORDER BY d.created_at, d.id
            """,
        UpdateReferencePopulation: "UPDATE datasets SET reference_population = @ReferencePopulation, updated_at = @UpdatedAt WHERE tenant_id = @TenantId AND id = @Id");

    public static readonly DatasetSql SqlServer = new(
        Insert: $"INSERT INTO dbo.Datasets ({SqlServerColumns}) VALUES (@Id, @TenantId, @Name, @Purpose, @Features, @RetentionUntil, @RecordCount, @Quality, @CreatedAt, @UpdatedAt, @SubjectIdKind, @ReferencePopulation)",
        Find: $"SELECT {SqlServerColumns} FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @Id",
        FirstPage: $"SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Datasets WHERE TenantId = @TenantId ORDER BY CreatedAt, Id",
        NextPage: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Datasets
            WHERE TenantId = @TenantId
              AND (CreatedAt > @AfterCreatedAt OR (CreatedAt = @AfterCreatedAt AND Id > @AfterId))
            ORDER BY CreatedAt, Id
            """,
        RecordSource: "SELECT RecordKey, SubjectIdKind FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @DatasetId",
        ExcludedRows: """
            SELECT s.RowNumber FROM dbo.Objections o
            JOIN dbo.DatasetSubjectKeys s ON s.DatasetKey = @DatasetKey AND s.SubjectPseudonym = TRY_CONVERT(BINARY(32), o.SubjectPseudonym, 2)
            WHERE o.TenantId = @TenantId AND o.Kind = N'doNotWant' AND o.Status = N'upheld'
            """,
        InsertRecordBlock: "INSERT INTO dbo.DatasetRecordBlocks (DatasetKey, FirstRow, RecordCount, Records) VALUES (@DatasetKey, @FirstRow, @RowCount, @Records)",
        ReadRecordBlocks: "SELECT FirstRow, RecordCount, Records FROM dbo.DatasetRecordBlocks WHERE DatasetKey = @DatasetKey ORDER BY FirstRow",
        ReadRecordBlocksRange: $"""
            SELECT FirstRow, RecordCount, Records FROM dbo.DatasetRecordBlocks
            WHERE DatasetKey = @DatasetKey AND FirstRow > @FromRow - {BlockRows} AND FirstRow <= @ToRow
            ORDER BY FirstRow
            """,
        CompleteUpload: "UPDATE dbo.Datasets SET RecordCount = @RecordCount, Quality = @Quality, UpdatedAt = @UpdatedAt WHERE TenantId = @TenantId AND Id = @Id",
        DeleteProfiles: "DELETE FROM dbo.Profiles WHERE TenantId = @TenantId AND ProfileSetId IN (SELECT Id FROM dbo.ProfileSets WHERE TenantId = @TenantId AND DatasetId = @Id)",
        DeleteProfileSets: "DELETE FROM dbo.ProfileSets WHERE TenantId = @TenantId AND DatasetId = @Id",
        DeleteClusterings: "DELETE FROM dbo.Clusterings WHERE TenantId = @TenantId AND DatasetId = @Id",
        DeleteRecords: "DELETE FROM dbo.DatasetRecordBlocks WHERE DatasetKey = (SELECT d.RecordKey FROM dbo.Datasets d WHERE d.Id = @Id AND d.TenantId = @TenantId)",
        DeleteSubjects: "DELETE FROM dbo.DatasetSubjectKeys WHERE DatasetKey = (SELECT d.RecordKey FROM dbo.Datasets d WHERE d.Id = @Id AND d.TenantId = @TenantId)",
        DeleteDataset: "DELETE FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @Id",
        Expired: "SELECT TenantId, Id FROM dbo.Datasets WHERE RetentionUntil < @Cutoff",
        RecordRowRange: """
            SELECT (SELECT MIN(b.FirstRow) FROM dbo.DatasetRecordBlocks b WHERE b.DatasetKey = d.RecordKey) AS First,
                   (SELECT TOP (1) b.FirstRow + b.RecordCount - 1 FROM dbo.DatasetRecordBlocks b WHERE b.DatasetKey = d.RecordKey ORDER BY b.FirstRow DESC) AS Last
            FROM dbo.Datasets d
            WHERE d.TenantId = @TenantId AND d.Id = @DatasetId
            """,
        ContainingSubject: $"""
            SELECT {SqlServerColumns} FROM dbo.Datasets d
            WHERE d.TenantId = @TenantId AND d.SubjectIdKind = N'bsn'
              AND EXISTS (SELECT 1 FROM dbo.DatasetSubjectKeys s WHERE s.DatasetKey = d.RecordKey AND s.SubjectPseudonym = @SubjectPseudonym)
            ORDER BY d.CreatedAt, d.Id
            """,
        UpdateReferencePopulation: "UPDATE dbo.Datasets SET ReferencePopulation = @ReferencePopulation, UpdatedAt = @UpdatedAt WHERE TenantId = @TenantId AND Id = @Id");
}
