using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.AccessLog;

/// <summary>Only INSERT and SELECT: the access log is append-only (the migrations make UPDATE and DELETE fail).</summary>
public sealed record AccessLogSql(
    string Insert,
    string ListForSubject) : ISqlStatements
{
    private const string SqliteColumns = "id, tenant_id, subject_pseudonym, occurred_at, client_id, user_id, user_representation, activity, reason, action, resource_id";
    private const string SqlServerColumns = "Id, TenantId, SubjectPseudonym, OccurredAt, ClientId, UserId, UserRepresentation, Activity, Reason, Action, ResourceId";
    private const string Values = "@Id, @TenantId, @SubjectPseudonym, @OccurredAt, @ClientId, @UserId, @UserRepresentation, @Activity, @Reason, @Action, @ResourceId";

    public static readonly AccessLogSql Sqlite = new(
        Insert: $"INSERT INTO access_log ({SqliteColumns}) VALUES ({Values})",
        ListForSubject: $"""
            SELECT {SqliteColumns} FROM access_log
            WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym
            ORDER BY occurred_at DESC, id DESC LIMIT @Limit
            """);

    public static readonly AccessLogSql SqlServer = new(
        Insert: $"INSERT INTO dbo.AccessLog ({SqlServerColumns}) VALUES ({Values})",
        ListForSubject: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.AccessLog
            WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym
            ORDER BY OccurredAt DESC, Id DESC
            """);
}
