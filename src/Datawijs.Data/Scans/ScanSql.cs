using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Scans;

/// <summary>
/// Scans and their responses. Every statement filters by tenant except
/// <see cref="CompletedForModel"/>: peer benchmarks compare across the installation, and its rows
/// only ever leave the process as aggregates.
/// </summary>
public sealed record ScanSql(
    string Insert,
    string Find,
    string FirstPage,
    string NextPage,
    string UpsertOpenResponse,
    string ListResponses,
    string MarkCompleted,
    string StoreScore,
    string CompletedForOrganisation,
    string CompletedForModel,
    string ScoresFirstPage,
    string ScoresNextPage) : ISqlStatements
{
    private const string SqliteColumns = "id, tenant_id, organisation_id, model_id, model_version, targets, created_at, completed_at, score";
    private const string SqlServerColumns = "Id, TenantId, OrganisationId, ModelId, ModelVersion, Targets, CreatedAt, CompletedAt, Score";
    private const string SqliteResponseColumns = "tenant_id, scan_id, respondent_id, role, answers, created_at, updated_at";
    private const string SqlServerResponseColumns = "TenantId, ScanId, RespondentId, Role, Answers, CreatedAt, UpdatedAt";

    private const string SqliteCompleted = """
        SELECT s.id AS Id, s.tenant_id AS TenantId, s.organisation_id AS OrganisationId, o.name AS OrganisationName,
               o.kind AS OrganisationKind, o.inhabitants AS OrganisationInhabitants, s.model_id AS ModelId,
               s.model_version AS ModelVersion, s.completed_at AS CompletedAt, s.score AS Score
        FROM scans s JOIN organisations o ON o.id = s.organisation_id AND o.tenant_id = s.tenant_id
        """;

    private const string SqlServerCompleted = """
        SELECT s.Id, s.TenantId, s.OrganisationId, o.Name AS OrganisationName, o.Kind AS OrganisationKind,
               o.Inhabitants AS OrganisationInhabitants, s.ModelId, s.ModelVersion, s.CompletedAt, s.Score
        FROM dbo.Scans s JOIN dbo.Organisations o ON o.Id = s.OrganisationId AND o.TenantId = s.TenantId
        """;

    public static readonly ScanSql Sqlite = new(
        Insert: $"INSERT INTO scans ({SqliteColumns}) VALUES (@Id, @TenantId, @OrganisationId, @ModelId, @ModelVersion, @Targets, @CreatedAt, NULL, NULL)",
        Find: $"SELECT {SqliteColumns} FROM scans WHERE tenant_id = @TenantId AND id = @Id",
        FirstPage: $"SELECT {SqliteColumns} FROM scans WHERE tenant_id = @TenantId AND organisation_id = @OrganisationId ORDER BY created_at, id LIMIT @Limit",
        NextPage: $"""
            SELECT {SqliteColumns} FROM scans
            WHERE tenant_id = @TenantId AND organisation_id = @OrganisationId
              AND (created_at > @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Limit
            """,
        UpsertOpenResponse: $"""
            INSERT INTO scan_responses ({SqliteResponseColumns})
            SELECT @TenantId, @ScanId, @RespondentId, @Role, @Answers, @CreatedAt, @UpdatedAt
            WHERE EXISTS (SELECT 1 FROM scans WHERE tenant_id = @TenantId AND id = @ScanId AND completed_at IS NULL)
            ON CONFLICT (scan_id, respondent_id) DO UPDATE SET role = excluded.role, answers = excluded.answers, updated_at = excluded.updated_at
            """,
        ListResponses: $"SELECT {SqliteResponseColumns} FROM scan_responses WHERE tenant_id = @TenantId AND scan_id = @ScanId ORDER BY respondent_id",
        MarkCompleted: "UPDATE scans SET completed_at = @CompletedAt WHERE tenant_id = @TenantId AND id = @Id AND completed_at IS NULL",
        StoreScore: "UPDATE scans SET score = @Score WHERE tenant_id = @TenantId AND id = @Id AND score IS NULL",
        CompletedForOrganisation: $"""
            {SqliteCompleted}
            WHERE s.tenant_id = @TenantId AND s.organisation_id = @OrganisationId AND s.completed_at IS NOT NULL
            ORDER BY s.completed_at, s.id
            """,
        CompletedForModel: $"""
            {SqliteCompleted}
            WHERE s.model_id = @ModelId AND s.completed_at IS NOT NULL
            """,
        ScoresFirstPage: $"""
            {SqliteCompleted}
            WHERE s.tenant_id = @TenantId AND s.completed_at IS NOT NULL
              AND (@ModelId IS NULL OR s.model_id = @ModelId)
              AND (@CompletedSince IS NULL OR s.completed_at >= @CompletedSince)
            ORDER BY s.completed_at, s.id LIMIT @Limit
            """,
        ScoresNextPage: $"""
            {SqliteCompleted}
            WHERE s.tenant_id = @TenantId AND s.completed_at IS NOT NULL
              AND (@ModelId IS NULL OR s.model_id = @ModelId)
              AND (@CompletedSince IS NULL OR s.completed_at >= @CompletedSince)
              AND (s.completed_at > @AfterCompletedAt OR (s.completed_at = @AfterCompletedAt AND s.id > @AfterId))
            ORDER BY s.completed_at, s.id LIMIT @Limit
            """);

    public static readonly ScanSql SqlServer = new(
        Insert: $"INSERT INTO dbo.Scans ({SqlServerColumns}) VALUES (@Id, @TenantId, @OrganisationId, @ModelId, @ModelVersion, @Targets, @CreatedAt, NULL, NULL)",
        Find: $"SELECT {SqlServerColumns} FROM dbo.Scans WHERE TenantId = @TenantId AND Id = @Id",
        FirstPage: $"SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Scans WHERE TenantId = @TenantId AND OrganisationId = @OrganisationId ORDER BY CreatedAt, Id",
        NextPage: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Scans
            WHERE TenantId = @TenantId AND OrganisationId = @OrganisationId
              AND (CreatedAt > @AfterCreatedAt OR (CreatedAt = @AfterCreatedAt AND Id > @AfterId))
            ORDER BY CreatedAt, Id
            """,
        UpsertOpenResponse: $"""
            UPDATE r SET Role = @Role, Answers = @Answers, UpdatedAt = @UpdatedAt
            FROM dbo.ScanResponses r
            WHERE r.TenantId = @TenantId AND r.ScanId = @ScanId AND r.RespondentId = @RespondentId
              AND EXISTS (SELECT 1 FROM dbo.Scans s WITH (UPDLOCK) WHERE s.TenantId = @TenantId AND s.Id = @ScanId AND s.CompletedAt IS NULL);
            IF @@ROWCOUNT = 0
                INSERT INTO dbo.ScanResponses ({SqlServerResponseColumns})
                SELECT @TenantId, @ScanId, @RespondentId, @Role, @Answers, @CreatedAt, @UpdatedAt
                WHERE EXISTS (SELECT 1 FROM dbo.Scans s WITH (UPDLOCK) WHERE s.TenantId = @TenantId AND s.Id = @ScanId AND s.CompletedAt IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM dbo.ScanResponses r WHERE r.ScanId = @ScanId AND r.RespondentId = @RespondentId);
            """,
        ListResponses: $"SELECT {SqlServerResponseColumns} FROM dbo.ScanResponses WHERE TenantId = @TenantId AND ScanId = @ScanId ORDER BY RespondentId",
        MarkCompleted: "UPDATE dbo.Scans SET CompletedAt = @CompletedAt WHERE TenantId = @TenantId AND Id = @Id AND CompletedAt IS NULL",
        StoreScore: "UPDATE dbo.Scans SET Score = @Score WHERE TenantId = @TenantId AND Id = @Id AND Score IS NULL",
        CompletedForOrganisation: $"""
            {SqlServerCompleted}
            WHERE s.TenantId = @TenantId AND s.OrganisationId = @OrganisationId AND s.CompletedAt IS NOT NULL
            ORDER BY s.CompletedAt, s.Id
            """,
        CompletedForModel: $"""
            {SqlServerCompleted}
            WHERE s.ModelId = @ModelId AND s.CompletedAt IS NOT NULL
            """,
        ScoresFirstPage: $"""
            SELECT TOP (@Limit) q.* FROM (
            {SqlServerCompleted}
            WHERE s.TenantId = @TenantId AND s.CompletedAt IS NOT NULL
              AND (@ModelId IS NULL OR s.ModelId = @ModelId)
              AND (@CompletedSince IS NULL OR s.CompletedAt >= @CompletedSince)
            ) q ORDER BY q.CompletedAt, q.Id
            """,
        ScoresNextPage: $"""
            SELECT TOP (@Limit) q.* FROM (
            {SqlServerCompleted}
            WHERE s.TenantId = @TenantId AND s.CompletedAt IS NOT NULL
              AND (@ModelId IS NULL OR s.ModelId = @ModelId)
              AND (@CompletedSince IS NULL OR s.CompletedAt >= @CompletedSince)
              AND (s.CompletedAt > @AfterCompletedAt OR (s.CompletedAt = @AfterCompletedAt AND s.Id > @AfterId))
            ) q ORDER BY q.CompletedAt, q.Id
            """);
}
