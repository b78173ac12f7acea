using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Datasets;

public sealed record DatasetSql(
    string Insert,
    string Find,
    string FirstPage,
    string NextPage,
    string InsertRecord,
    string ReadRecords,
    string CompleteUpload,
    string DeleteProfiles,
    string DeleteProfileSets,
    string DeleteClusterings,
    string DeleteRecords,
    string IndexSubjects,
    string DeleteSubjects,
    string DeleteDataset,
    string Expired,
    string ReadRecordsForClustering,
    string ReadRecordsForClusteringRange,
    string RecordRowRange,
    string ContainingSubject,
    string UpdateReferencePopulation) : ISqlStatements
{
    private const string SqliteColumns = "id, tenant_id, name, purpose, features, retention_until, record_count, quality, created_at, updated_at, subject_id_kind, reference_population";
    private const string SqlServerColumns = "Id, TenantId, Name, Purpose, Features, RetentionUntil, RecordCount, Quality, CreatedAt, UpdatedAt, SubjectIdKind, ReferencePopulation";

    // An upheld "I don't want this" keeps the subject's records out of every new clustering of the tenant,
    // in datasets whose subjects are BSNs only: a client number in an 'other' dataset that happens to
    // equal the citizen's BSN is someone else. One text for the whole read and its ranged parts, so the
    // parts can never filter differently.
    private const string SqliteNotObjected = """
        NOT (d.subject_id_kind = 'bsn'
                       AND EXISTS (SELECT 1 FROM objections o
                                   WHERE o.tenant_id = @TenantId AND o.subject_pseudonym = r.subject_pseudonym AND o.kind = 'doNotWant' AND o.status = 'upheld'))
        """;

    private const string SqlServerNotObjected = """
        NOT (d.SubjectIdKind = N'bsn'
                       AND EXISTS (SELECT 1 FROM dbo.Objections o
                                   WHERE o.TenantId = @TenantId AND o.SubjectPseudonym = r.SubjectPseudonym AND o.Kind = N'doNotWant' AND o.Status = N'upheld'))
        """;

    /// <summary>
    /// SQLite's INSERT of <paramref name="rows"/> records in one statement: <c>@DatasetId</c> is parameter 1,
    /// then each record has three positional parameters (row number, pseudonym, cells), so record i's
    /// are 2 + 3i, 3 + 3i and 4 + 3i. SQL Server writes records by bulk copy instead.
    /// </summary>
    public static string SqliteInsertRecords(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        return "INSERT INTO dataset_records (dataset_id, row_number, subject_pseudonym, cells) VALUES "
            + string.Join(", ", Enumerable.Repeat("(@DatasetId, ?, ?, ?)", rows));
    }

    /// <summary>
    /// SQLite's addition of <paramref name="rows"/> subject pseudonyms of one dataset to the index of which
    /// datasets hold a citizen's record: <c>@DatasetId</c> is parameter 1, pseudonym i is parameter 2 + i.
    /// A pseudonym already there (a subject with several records) is left as it is.
    /// </summary>
    public static string SqliteInsertSubjects(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        return "INSERT OR IGNORE INTO dataset_subjects (dataset_id, subject_pseudonym) VALUES "
            + string.Join(", ", Enumerable.Repeat("(@DatasetId, ?)", rows));
    }

    public static readonly DatasetSql Sqlite = new(
        Insert: $"INSERT INTO datasets ({SqliteColumns}) VALUES (@Id, @TenantId, @Name, @Purpose, @Features, @RetentionUntil, @RecordCount, @Quality, @CreatedAt, @UpdatedAt, @SubjectIdKind, @ReferencePopulation)",
        Find: $"SELECT {SqliteColumns} FROM datasets WHERE tenant_id = @TenantId AND id = @Id",
        FirstPage: $"SELECT {SqliteColumns} FROM datasets WHERE tenant_id = @TenantId ORDER BY created_at, id LIMIT @Limit",
        NextPage: $"""
            SELECT {SqliteColumns} FROM datasets
            WHERE tenant_id = @TenantId
              AND (created_at > @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Limit
            """,
        InsertRecord: "INSERT INTO dataset_records (dataset_id, row_number, subject_pseudonym, cells) VALUES (@DatasetId, @RowNumber, @SubjectPseudonym, @Cells)",
        ReadRecords: """
            SELECT r.cells FROM dataset_records r
            WHERE r.dataset_id = @DatasetId AND EXISTS (SELECT 1 FROM datasets d WHERE d.id = r.dataset_id AND d.tenant_id = @TenantId)
            ORDER BY r.row_number
            """,
        CompleteUpload: "UPDATE datasets SET record_count = @RecordCount, quality = @Quality, updated_at = @UpdatedAt WHERE tenant_id = @TenantId AND id = @Id",
        DeleteProfiles: "DELETE FROM profiles WHERE tenant_id = @TenantId AND profile_set_id IN (SELECT id FROM profile_sets WHERE tenant_id = @TenantId AND dataset_id = @Id)",
        DeleteProfileSets: "DELETE FROM profile_sets WHERE tenant_id = @TenantId AND dataset_id = @Id",
        DeleteClusterings: "DELETE FROM clusterings WHERE tenant_id = @TenantId AND dataset_id = @Id",
        DeleteRecords: "DELETE FROM dataset_records WHERE dataset_id = @Id AND EXISTS (SELECT 1 FROM datasets d WHERE d.id = @Id AND d.tenant_id = @TenantId)",
        // The pseudonyms of one upload's rows, in key order so the B-tree is written front to back.
        IndexSubjects: """
            INSERT OR IGNORE INTO dataset_subjects (dataset_id, subject_pseudonym)
            SELECT dataset_id, subject_pseudonym FROM dataset_records
            WHERE dataset_id = @DatasetId AND row_number > @AfterRow
            ORDER BY subject_pseudonym
            """,
        DeleteSubjects: "DELETE FROM dataset_subjects WHERE dataset_id = @Id AND EXISTS (SELECT 1 FROM datasets d WHERE d.id = @Id AND d.tenant_id = @TenantId)",
        DeleteDataset: "DELETE FROM datasets WHERE tenant_id = @TenantId AND id = @Id",
        Expired: "SELECT tenant_id AS TenantId, id AS Id FROM datasets WHERE retention_until < @Cutoff",
        // The records a new clustering reads: without those of subjects whose "I don't want this" was upheld.
        ReadRecordsForClustering: $"""
            SELECT r.cells FROM dataset_records r
            JOIN datasets d ON d.id = r.dataset_id AND d.tenant_id = @TenantId
            WHERE r.dataset_id = @DatasetId
              AND {SqliteNotObjected}
            ORDER BY r.row_number
            """,
        // One part of the same read, for loading with several connections: the rows numbered FromRow..ToRow
        // (the table's key is (dataset_id, row_number), so each part is one range of the B-tree), the same filter.
        ReadRecordsForClusteringRange: $"""
            SELECT r.cells FROM dataset_records r
            JOIN datasets d ON d.id = r.dataset_id AND d.tenant_id = @TenantId
            WHERE r.dataset_id = @DatasetId AND r.row_number >= @FromRow AND r.row_number <= @ToRow
              AND {SqliteNotObjected}
            ORDER BY r.row_number
            """,
        // Two subqueries, so that each is one seek at an end of the key (a single min() or max() per SELECT).
        RecordRowRange: """
            SELECT (SELECT MIN(r.row_number) FROM dataset_records r WHERE r.dataset_id = @DatasetId) AS First,
                   (SELECT MAX(r.row_number) FROM dataset_records r WHERE r.dataset_id = @DatasetId) AS Last
            WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.id = @DatasetId AND d.tenant_id = @TenantId)
            """,
        // Only datasets declared 'bsn' are linked to a citizen (by the pseudonym of their BSN).
        ContainingSubject: $"""
            SELECT {SqliteColumns} FROM datasets d
            WHERE d.tenant_id = @TenantId AND d.subject_id_kind = 'bsn'
              AND EXISTS (SELECT 1 FROM dataset_subjects s WHERE s.dataset_id = d.id AND s.subject_pseudonym = @SubjectPseudonym)
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
        InsertRecord: "INSERT INTO dbo.DatasetRecords (DatasetId, RowNumber, SubjectPseudonym, Cells) VALUES (@DatasetId, @RowNumber, @SubjectPseudonym, @Cells)",
        ReadRecords: """
            SELECT r.Cells FROM dbo.DatasetRecords r
            WHERE r.DatasetId = @DatasetId AND EXISTS (SELECT 1 FROM dbo.Datasets d WHERE d.Id = r.DatasetId AND d.TenantId = @TenantId)
            ORDER BY r.RowNumber
            """,
        CompleteUpload: "UPDATE dbo.Datasets SET RecordCount = @RecordCount, Quality = @Quality, UpdatedAt = @UpdatedAt WHERE TenantId = @TenantId AND Id = @Id",
        DeleteProfiles: "DELETE FROM dbo.Profiles WHERE TenantId = @TenantId AND ProfileSetId IN (SELECT Id FROM dbo.ProfileSets WHERE TenantId = @TenantId AND DatasetId = @Id)",
        DeleteProfileSets: "DELETE FROM dbo.ProfileSets WHERE TenantId = @TenantId AND DatasetId = @Id",
        DeleteClusterings: "DELETE FROM dbo.Clusterings WHERE TenantId = @TenantId AND DatasetId = @Id",
        DeleteRecords: "DELETE FROM dbo.DatasetRecords WHERE DatasetId = @Id AND EXISTS (SELECT 1 FROM dbo.Datasets d WHERE d.Id = @Id AND d.TenantId = @TenantId)",
        IndexSubjects: """
            INSERT INTO dbo.DatasetSubjects (DatasetId, SubjectPseudonym)
            SELECT DISTINCT r.DatasetId, r.SubjectPseudonym FROM dbo.DatasetRecords r
            WHERE r.DatasetId = @DatasetId AND r.RowNumber > @AfterRow
              AND NOT EXISTS (SELECT 1 FROM dbo.DatasetSubjects s WHERE s.DatasetId = r.DatasetId AND s.SubjectPseudonym = r.SubjectPseudonym)
            """,
        DeleteSubjects: "DELETE FROM dbo.DatasetSubjects WHERE DatasetId = @Id AND EXISTS (SELECT 1 FROM dbo.Datasets d WHERE d.Id = @Id AND d.TenantId = @TenantId)",
        DeleteDataset: "DELETE FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @Id",
        Expired: "SELECT TenantId, Id FROM dbo.Datasets WHERE RetentionUntil < @Cutoff",
        ReadRecordsForClustering: $"""
            SELECT r.Cells FROM dbo.DatasetRecords r
            JOIN dbo.Datasets d ON d.Id = r.DatasetId AND d.TenantId = @TenantId
            WHERE r.DatasetId = @DatasetId
              AND {SqlServerNotObjected}
            ORDER BY r.RowNumber
            """,
        ReadRecordsForClusteringRange: $"""
            SELECT r.Cells FROM dbo.DatasetRecords r
            JOIN dbo.Datasets d ON d.Id = r.DatasetId AND d.TenantId = @TenantId
            WHERE r.DatasetId = @DatasetId AND r.RowNumber >= @FromRow AND r.RowNumber <= @ToRow
              AND {SqlServerNotObjected}
            ORDER BY r.RowNumber
            """,
        RecordRowRange: """
            SELECT MIN(r.RowNumber) AS First, MAX(r.RowNumber) AS Last FROM dbo.DatasetRecords r
            WHERE r.DatasetId = @DatasetId AND EXISTS (SELECT 1 FROM dbo.Datasets d WHERE d.Id = @DatasetId AND d.TenantId = @TenantId)
            """,
        ContainingSubject: $"""
            SELECT {SqlServerColumns} FROM dbo.Datasets d
            WHERE d.TenantId = @TenantId AND d.SubjectIdKind = N'bsn'
              AND EXISTS (SELECT 1 FROM dbo.DatasetSubjects s WHERE s.DatasetId = d.Id AND s.SubjectPseudonym = @SubjectPseudonym)
            ORDER BY d.CreatedAt, d.Id
            """,
        UpdateReferencePopulation: "UPDATE dbo.Datasets SET ReferencePopulation = @ReferencePopulation, UpdatedAt = @UpdatedAt WHERE TenantId = @TenantId AND Id = @Id");
}
