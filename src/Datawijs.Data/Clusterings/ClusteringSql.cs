using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Clusterings;

/// <summary>
/// Clustering jobs. A job is claimed with a lease (owner, token, until): SQLite claims inside the
/// single writer's <c>BEGIN IMMEDIATE</c> transaction, SQL Server with <c>UPDLOCK, READPAST</c> so that
/// two instances never claim the same row and neither waits for the other's. Renewing, reporting and
/// finishing all require the claim's token, so a job taken over by another instance is stored once.
/// </summary>
public sealed record ClusteringSql(
    string Insert,
    string Find,
    string FailExhausted,
    string ClaimNext,
    string Claim,
    string Renew,
    string ReportProgress,
    string IsCancelRequested,
    string Succeed,
    string Finish,
    string Release,
    string CancelQueued,
    string RequestCancellation) : ISqlStatements
{
    private const string SqliteColumns =
        "id, tenant_id, dataset_id, status, options, progress, phase, cancel_requested, outcome, model, description, error, created_at, started_at, finished_at, lease_owner, lease_token, lease_until, attempts";

    private const string SqlServerColumns =
        "Id, TenantId, DatasetId, Status, Options, Progress, Phase, CancelRequested, Outcome, Model, Description, Error, CreatedAt, StartedAt, FinishedAt, LeaseOwner, LeaseToken, LeaseUntil, Attempts";

    private const string SqlServerInserted =
        "inserted.Id, inserted.TenantId, inserted.DatasetId, inserted.Status, inserted.Options, inserted.Progress, inserted.Phase, inserted.CancelRequested, inserted.Outcome, inserted.Model, inserted.Description, inserted.Error, inserted.CreatedAt, inserted.StartedAt, inserted.FinishedAt, inserted.LeaseOwner, inserted.LeaseToken, inserted.LeaseUntil, inserted.Attempts";

    private const string SqliteClaimSet =
        "status = 'running', lease_owner = @Owner, lease_token = @Token, lease_until = @Until, started_at = @Now, phase = 'loading', progress = 0, attempts = attempts + 1";

    private const string SqlServerClaimSet =
        "Status = N'running', LeaseOwner = @Owner, LeaseToken = @Token, LeaseUntil = @Until, StartedAt = @Now, Phase = N'loading', Progress = 0, Attempts = Attempts + 1";

    public static readonly ClusteringSql Sqlite = new(
        // The per-tenant limit is counted in the same statement that queues, so two requests at once cannot both slip under it.
        Insert: """
            INSERT INTO clusterings (id, tenant_id, dataset_id, status, options, progress, cancel_requested, created_at)
            SELECT @Id, @TenantId, @DatasetId, 'queued', @Options, 0, 0, @CreatedAt
            WHERE EXISTS (SELECT 1 FROM datasets WHERE tenant_id = @TenantId AND id = @DatasetId)
              AND (SELECT COUNT(*) FROM clusterings WHERE tenant_id = @TenantId AND status IN ('queued', 'running')) < @Limit
            """,
        Find: $"SELECT {SqliteColumns} FROM clusterings WHERE tenant_id = @TenantId AND id = @Id",
        FailExhausted: """
            UPDATE clusterings SET status = 'failed', phase = NULL, error = @Error, finished_at = @Now, lease_until = NULL
            WHERE status = 'running' AND (lease_until IS NULL OR lease_until < @Now) AND attempts >= @MaxAttempts
            """,
        // Jobs whose owner stopped come first; then the tenant whose last job started longest ago (round-robin), then the oldest job.
        ClaimNext: $"""
            UPDATE clusterings SET {SqliteClaimSet}
            WHERE id = (
                SELECT c.id FROM clusterings c
                WHERE c.status = 'queued' OR (c.status = 'running' AND (c.lease_until IS NULL OR c.lease_until < @Now))
                ORDER BY CASE WHEN c.status = 'running' THEN 0 ELSE 1 END,
                         (SELECT MAX(s.started_at) FROM clusterings s WHERE s.tenant_id = c.tenant_id),
                         c.created_at, c.id
                LIMIT 1)
            RETURNING {SqliteColumns}
            """,
        Claim: $"""
            UPDATE clusterings SET {SqliteClaimSet}
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'queued'
            RETURNING {SqliteColumns}
            """,
        Renew: "UPDATE clusterings SET lease_until = @Until WHERE id = @Id AND lease_token = @Token AND status = 'running'",
        ReportProgress: "UPDATE clusterings SET progress = @Progress, phase = @Phase WHERE id = @Id AND lease_token = @Token AND status = 'running'",
        IsCancelRequested: "SELECT cancel_requested FROM clusterings WHERE tenant_id = @TenantId AND id = @Id",
        Succeed: """
            UPDATE clusterings SET status = 'succeeded', progress = 1, phase = NULL, outcome = @Outcome, model = @Model, description = @Description, finished_at = @At, lease_until = NULL
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'running' AND lease_token = @Token
            """,
        Finish: """
            UPDATE clusterings SET status = @Status, phase = NULL, error = @Error, finished_at = @At, lease_until = NULL
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'running' AND lease_token = @Token
            """,
        Release: """
            UPDATE clusterings SET status = 'queued', phase = NULL, progress = 0, started_at = NULL, lease_owner = NULL, lease_token = NULL, lease_until = NULL,
                attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'running' AND lease_token = @Token
            """,
        CancelQueued: "UPDATE clusterings SET status = 'cancelled', cancel_requested = 1, finished_at = @At WHERE tenant_id = @TenantId AND id = @Id AND status = 'queued'",
        RequestCancellation: "UPDATE clusterings SET cancel_requested = 1 WHERE tenant_id = @TenantId AND id = @Id AND status = 'running'");

    public static readonly ClusteringSql SqlServer = new(
        Insert: """
            INSERT INTO dbo.Clusterings (Id, TenantId, DatasetId, Status, Options, Progress, CancelRequested, CreatedAt)
            SELECT @Id, @TenantId, @DatasetId, N'queued', @Options, 0, 0, @CreatedAt
            WHERE EXISTS (SELECT 1 FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @DatasetId)
              AND (SELECT COUNT(*) FROM dbo.Clusterings WITH (UPDLOCK, HOLDLOCK) WHERE TenantId = @TenantId AND Status IN (N'queued', N'running')) < @Limit
            """,
        Find: $"SELECT {SqlServerColumns} FROM dbo.Clusterings WHERE TenantId = @TenantId AND Id = @Id",
        FailExhausted: """
            UPDATE dbo.Clusterings WITH (READPAST) SET Status = N'failed', Phase = NULL, Error = @Error, FinishedAt = @Now, LeaseUntil = NULL
            WHERE Status = N'running' AND (LeaseUntil IS NULL OR LeaseUntil < @Now) AND Attempts >= @MaxAttempts
            """,
        ClaimNext: $"""
            WITH next AS (
                SELECT TOP (1) c.*
                FROM dbo.Clusterings AS c WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE c.Status = N'queued' OR (c.Status = N'running' AND (c.LeaseUntil IS NULL OR c.LeaseUntil < @Now))
                ORDER BY CASE WHEN c.Status = N'running' THEN 0 ELSE 1 END,
                         (SELECT MAX(s.StartedAt) FROM dbo.Clusterings AS s WHERE s.TenantId = c.TenantId),
                         c.CreatedAt, c.Id)
            UPDATE next SET {SqlServerClaimSet}
            OUTPUT {SqlServerInserted};
            """,
        Claim: $"""
            UPDATE dbo.Clusterings WITH (UPDLOCK, READPAST, ROWLOCK) SET {SqlServerClaimSet}
            OUTPUT {SqlServerInserted}
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'queued';
            """,
        Renew: "UPDATE dbo.Clusterings SET LeaseUntil = @Until WHERE Id = @Id AND LeaseToken = @Token AND Status = N'running'",
        ReportProgress: "UPDATE dbo.Clusterings SET Progress = @Progress, Phase = @Phase WHERE Id = @Id AND LeaseToken = @Token AND Status = N'running'",
        IsCancelRequested: "SELECT CancelRequested FROM dbo.Clusterings WHERE TenantId = @TenantId AND Id = @Id",
        Succeed: """
            UPDATE dbo.Clusterings SET Status = N'succeeded', Progress = 1, Phase = NULL, Outcome = @Outcome, Model = @Model, Description = @Description, FinishedAt = @At, LeaseUntil = NULL
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running' AND LeaseToken = @Token
            """,
        Finish: """
            UPDATE dbo.Clusterings SET Status = @Status, Phase = NULL, Error = @Error, FinishedAt = @At, LeaseUntil = NULL
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running' AND LeaseToken = @Token
            """,
        Release: """
            UPDATE dbo.Clusterings SET Status = N'queued', Phase = NULL, Progress = 0, StartedAt = NULL, LeaseOwner = NULL, LeaseToken = NULL, LeaseUntil = NULL,
                Attempts = CASE WHEN Attempts > 0 THEN Attempts - 1 ELSE 0 END
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running' AND LeaseToken = @Token
            """,
        CancelQueued: "UPDATE dbo.Clusterings SET Status = N'cancelled', CancelRequested = 1, FinishedAt = @At WHERE TenantId = @TenantId AND Id = @Id AND Status = N'queued'",
        RequestCancellation: "UPDATE dbo.Clusterings SET CancelRequested = 1 WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running'");
}
