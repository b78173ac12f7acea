using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Assignments;

/// <summary>
/// <see cref="InsertUnlessRestricted"/> stores the advice only while the subject has no open or upheld
/// objection: the check and the insert are one statement, so an objection that landed first always wins.
/// </summary>
public sealed record AssignmentSql(
    string InsertUnlessRestricted,
    string Find,
    string FindCurrentForSubject,
    string Decide) : ISqlStatements
{
    private const string SqliteColumns = """
        id, tenant_id, subject_pseudonym, profile_set_id, profile_id, features, uncertain, created_at, client_id,
        user_id, user_representation, decision_outcome, decision_reasoning, decided_at, decided_by_client_id,
        decided_by_user_id, decided_by_user_representation, withdrawn_at
        """;

    private const string SqlServerColumns = """
        Id, TenantId, SubjectPseudonym, ProfileSetId, ProfileId, Features, Uncertain, CreatedAt, ClientId,
        UserId, UserRepresentation, DecisionOutcome, DecisionReasoning, DecidedAt, DecidedByClientId,
        DecidedByUserId, DecidedByUserRepresentation, WithdrawnAt
        """;

    private const string InsertValues = """
        @Id, @TenantId, @SubjectPseudonym, @ProfileSetId, @ProfileId, @Features, @Uncertain, @CreatedAt, @ClientId,
        @UserId, @UserRepresentation, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        """;

    public static readonly AssignmentSql Sqlite = new(
        InsertUnlessRestricted: $"""
            INSERT INTO assignments ({SqliteColumns})
            SELECT {InsertValues}
            WHERE NOT EXISTS (
                SELECT 1 FROM objections
                WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym AND status IN ('open', 'upheld'))
            """,
        Find: $"SELECT {SqliteColumns} FROM assignments WHERE tenant_id = @TenantId AND id = @Id",
        FindCurrentForSubject: $"""
            SELECT {SqliteColumns} FROM assignments
            WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym AND withdrawn_at IS NULL
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,
        Decide: """
            UPDATE assignments
            SET decision_outcome = @Outcome, decision_reasoning = @Reasoning, decided_at = @DecidedAt,
                decided_by_client_id = @ClientId, decided_by_user_id = @UserId, decided_by_user_representation = @UserRepresentation
            WHERE tenant_id = @TenantId AND id = @Id AND decision_outcome IS NULL AND withdrawn_at IS NULL
            """);

    public static readonly AssignmentSql SqlServer = new(
        InsertUnlessRestricted: $"""
            INSERT INTO dbo.Assignments ({SqlServerColumns})
            SELECT {InsertValues}
            WHERE NOT EXISTS (
                SELECT 1 FROM dbo.Objections WITH (UPDLOCK, HOLDLOCK)
                WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym AND Status IN ('open', 'upheld'))
            """,
        Find: $"SELECT {SqlServerColumns} FROM dbo.Assignments WHERE TenantId = @TenantId AND Id = @Id",
        FindCurrentForSubject: $"""
            SELECT TOP (1) {SqlServerColumns} FROM dbo.Assignments
            WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym AND WithdrawnAt IS NULL
            ORDER BY CreatedAt DESC, Id DESC
            """,
        Decide: """
            UPDATE dbo.Assignments
            SET DecisionOutcome = @Outcome, DecisionReasoning = @Reasoning, DecidedAt = @DecidedAt,
                DecidedByClientId = @ClientId, DecidedByUserId = @UserId, DecidedByUserRepresentation = @UserRepresentation
            WHERE TenantId = @TenantId AND Id = @Id AND DecisionOutcome IS NULL AND WithdrawnAt IS NULL
            """);
}
