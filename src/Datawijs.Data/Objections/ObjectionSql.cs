using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Objections;

public sealed record ObjectionSql(
    string Insert,
    string Find,
    string StatusesForSubject,
    string LatestForSubject,
    string FirstPage,
    string NextPage,
    string Review,
    string WithdrawAssignment,
    string AllForSubject) : ISqlStatements
{
    private const string SqliteColumns = """
        id, tenant_id, subject_pseudonym, assignment_id, kind, message, status, created_at, client_id,
        reviewed_at, review_reasoning, reviewed_by_client_id, reviewed_by_user_id, reviewed_by_user_representation
        """;

    private const string SqlServerColumns = """
        Id, TenantId, SubjectPseudonym, AssignmentId, Kind, Message, Status, CreatedAt, ClientId,
        ReviewedAt, ReviewReasoning, ReviewedByClientId, ReviewedByUserId, ReviewedByUserRepresentation
        """;

    private const string InsertValues = """
        @Id, @TenantId, @SubjectPseudonym, @AssignmentId, @Kind, @Message, @Status, @CreatedAt, @ClientId,
        NULL, NULL, NULL, NULL, NULL
        """;

    public static readonly ObjectionSql Sqlite = new(
        Insert: $"INSERT INTO objections ({SqliteColumns}) VALUES ({InsertValues})",
        Find: $"SELECT {SqliteColumns} FROM objections WHERE tenant_id = @TenantId AND id = @Id",
        StatusesForSubject: """
            SELECT DISTINCT status FROM objections
            WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym AND status IN ('open', 'upheld')
            """,
        LatestForSubject: $"""
            SELECT {SqliteColumns} FROM objections
            WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,
        FirstPage: $"""
            SELECT {SqliteColumns} FROM objections
            WHERE tenant_id = @TenantId AND (@Status IS NULL OR status = @Status)
            ORDER BY created_at, id LIMIT @Limit
            """,
        NextPage: $"""
            SELECT {SqliteColumns} FROM objections
            WHERE tenant_id = @TenantId AND (@Status IS NULL OR status = @Status)
              AND (created_at > @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Limit
            """,
        Review: """
            UPDATE objections
            SET status = @Outcome, reviewed_at = @ReviewedAt, review_reasoning = @Reasoning,
                reviewed_by_client_id = @ClientId, reviewed_by_user_id = @UserId, reviewed_by_user_representation = @UserRepresentation
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'open'
            """,
        WithdrawAssignment: """
            UPDATE assignments SET withdrawn_at = @WithdrawnAt
            WHERE tenant_id = @TenantId AND id = @AssignmentId AND withdrawn_at IS NULL
            """,
        AllForSubject: $"""
            SELECT {SqliteColumns} FROM objections
            WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym
            ORDER BY created_at DESC, id DESC LIMIT 100
            """);

    public static readonly ObjectionSql SqlServer = new(
        Insert: $"INSERT INTO dbo.Objections ({SqlServerColumns}) VALUES ({InsertValues})",
        Find: $"SELECT {SqlServerColumns} FROM dbo.Objections WHERE TenantId = @TenantId AND Id = @Id",
        StatusesForSubject: """
            SELECT DISTINCT Status FROM dbo.Objections
            WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym AND Status IN (N'open', N'upheld')
            """,
        LatestForSubject: $"""
            SELECT TOP (1) {SqlServerColumns} FROM dbo.Objections
            WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym
            ORDER BY CreatedAt DESC, Id DESC
            """,
        FirstPage: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Objections
            WHERE TenantId = @TenantId AND (@Status IS NULL OR Status = @Status)
            ORDER BY CreatedAt, Id
            """,
        NextPage: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Objections
            WHERE TenantId = @TenantId AND (@Status IS NULL OR Status = @Status)
              AND (CreatedAt > @AfterCreatedAt OR (CreatedAt = @AfterCreatedAt AND Id > @AfterId))
            ORDER BY CreatedAt, Id
            """,
        Review: """
            UPDATE dbo.Objections
            SET Status = @Outcome, ReviewedAt = @ReviewedAt, ReviewReasoning = @Reasoning,
                ReviewedByClientId = @ClientId, ReviewedByUserId = @UserId, ReviewedByUserRepresentation = @UserRepresentation
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'open'
            """,
        WithdrawAssignment: """
            UPDATE dbo.Assignments SET WithdrawnAt = @WithdrawnAt
            WHERE TenantId = @TenantId AND Id = @AssignmentId AND WithdrawnAt IS NULL
            """,
        AllForSubject: $"""
            SELECT TOP (100) {SqlServerColumns} FROM dbo.Objections
            WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym
            ORDER BY CreatedAt DESC, Id DESC
            """);
}
