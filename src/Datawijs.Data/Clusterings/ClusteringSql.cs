using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Clusterings;

public sealed record ClusteringSql(
    string Insert,
    string Find,
    string NextQueued,
    string Start,
    string ReportProgress,
    string IsCancelRequested,
    string Succeed,
    string Finish,
    string CancelQueued,
    string RequestCancellation,
    string FailInterrupted) : ISqlStatements
{
    private const string SqliteColumns =
        "id, tenant_id, dataset_id, status, options, progress, phase, cancel_requested, outcome, model, description, error, created_at, started_at, finished_at";

    private const string SqlServerColumns =
        "Id, TenantId, DatasetId, Status, Options, Progress, Phase, CancelRequested, Outcome, Model, Description, Error, CreatedAt, StartedAt, FinishedAt";

    public static readonly ClusteringSql Sqlite = new(
        Insert: """
            INSERT INTO clusterings (id, tenant_id, dataset_id, status, options, progress, cancel_requested, created_at)
            SELECT @Id, @TenantId, @DatasetId, 'queued', @Options, 0, 0, @CreatedAt
            WHERE EXISTS (SELECT 1 FROM datasets WHERE tenant_id = @TenantId AND id = @DatasetId)
            """,
        Find: $"SELECT {SqliteColumns} FROM clusterings WHERE tenant_id = @TenantId AND id = @Id",
        NextQueued: $"SELECT {SqliteColumns} FROM clusterings WHERE status = 'queued' ORDER BY created_at, id LIMIT 1",
        Start: "UPDATE clusterings SET status = 'running', started_at = @At, phase = 'loading' WHERE tenant_id = @TenantId AND id = @Id AND status = 'queued'",
        ReportProgress: "UPDATE clusterings SET progress = @Progress, phase = @Phase WHERE tenant_id = @TenantId AND id = @Id AND status = 'running'",
        IsCancelRequested: "SELECT cancel_requested FROM clusterings WHERE tenant_id = @TenantId AND id = @Id",
        Succeed: """
            UPDATE clusterings SET status = 'succeeded', progress = 1, phase = NULL, outcome = @Outcome, model = @Model, description = @Description, finished_at = @At
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'running'
            """,
        Finish: "UPDATE clusterings SET status = @Status, phase = NULL, error = @Error, finished_at = @At WHERE tenant_id = @TenantId AND id = @Id AND status = 'running'",
        CancelQueued: "UPDATE clusterings SET status = 'cancelled', cancel_requested = 1, finished_at = @At WHERE tenant_id = @TenantId AND id = @Id AND status = 'queued'",
        RequestCancellation: "UPDATE clusterings SET cancel_requested = 1 WHERE tenant_id = @TenantId AND id = @Id AND status = 'running'",
        FailInterrupted: "UPDATE clusterings SET status = 'failed', phase = NULL, error = @Error, finished_at = @At WHERE status = 'running' AND (started_at IS NULL OR started_at < @StartedBefore)");

    public static readonly ClusteringSql SqlServer = new(
        Insert: """
            INSERT INTO dbo.Clusterings (Id, TenantId, DatasetId, Status, Options, Progress, CancelRequested, CreatedAt)
            SELECT @Id, @TenantId, @DatasetId, N'queued', @Options, 0, 0, @CreatedAt
            WHERE EXISTS (SELECT 1 FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @DatasetId)
            """,
        Find: $"SELECT {SqlServerColumns} FROM dbo.Clusterings WHERE TenantId = @TenantId AND Id = @Id",
        NextQueued: $"SELECT TOP (1) {SqlServerColumns} FROM dbo.Clusterings WHERE Status = N'queued' ORDER BY CreatedAt, Id",
        Start: "UPDATE dbo.Clusterings SET Status = N'running', StartedAt = @At, Phase = N'loading' WHERE TenantId = @TenantId AND Id = @Id AND Status = N'queued'",
        ReportProgress: "UPDATE dbo.Clusterings SET Progress = @Progress, Phase = @Phase WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running'",
        IsCancelRequested: "SELECT CancelRequested FROM dbo.Clusterings WHERE TenantId = @TenantId AND Id = @Id",
        Succeed: """
            UPDATE dbo.Clusterings SET Status = N'succeeded', Progress = 1, Phase = NULL, Outcome = @Outcome, Model = @Model, Description = @Description, FinishedAt = @At
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running'
            """,
        Finish: "UPDATE dbo.Clusterings SET Status = @Status, Phase = NULL, Error = @Error, FinishedAt = @At WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running'",
        CancelQueued: "UPDATE dbo.Clusterings SET Status = N'cancelled', CancelRequested = 1, FinishedAt = @At WHERE TenantId = @TenantId AND Id = @Id AND Status = N'queued'",
        RequestCancellation: "UPDATE dbo.Clusterings SET CancelRequested = 1 WHERE TenantId = @TenantId AND Id = @Id AND Status = N'running'",
        FailInterrupted: "UPDATE dbo.Clusterings SET Status = N'failed', Phase = NULL, Error = @Error, FinishedAt = @At WHERE Status = N'running' AND (StartedAt IS NULL OR StartedAt < @StartedBefore)");
}
