using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Clusterings;

/// <summary>Clustering jobs. Every statement filters by tenant, except the worker's queue and restart recovery.</summary>
public sealed class ClusteringRepository(IDbConnectionFactory connections)
{
    private readonly ClusteringSql _sql = Dialect.Pick(connections.Provider, ClusteringSql.Sqlite, ClusteringSql.SqlServer);

    /// <summary>Queues a job; false when the dataset does not exist for the tenant.</summary>
    public async Task<bool> AddAsync(ClusteringRow clustering, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, clustering, cancellationToken: ct)) == 1;
    }

    public async Task<ClusteringRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ClusteringRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    /// <summary>The oldest queued job of any tenant (the worker's queue).</summary>
    public async Task<ClusteringRow?> NextQueuedAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ClusteringRow>(new CommandDefinition(_sql.NextQueued, cancellationToken: ct));
    }

    /// <summary>Moves a queued job to running; false when it was taken, cancelled or deleted meanwhile.</summary>
    public Task<bool> TryStartAsync(Guid tenantId, Guid id, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Start, new { TenantId = tenantId, Id = id, At = at }, ct);

    public Task<bool> ReportProgressAsync(Guid tenantId, Guid id, double progress, string phase, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.ReportProgress, new { TenantId = tenantId, Id = id, Progress = progress, Phase = phase }, ct);

    /// <summary>True when cancellation was asked for, or the job no longer exists (its dataset was deleted).</summary>
    public async Task<bool> IsCancelRequestedAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var flag = await connection.QuerySingleOrDefaultAsync<bool?>(
            new CommandDefinition(_sql.IsCancelRequested, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
        return flag ?? true;
    }

    public Task<bool> SucceedAsync(Guid tenantId, Guid id, string outcome, string model, string description, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Succeed, new { TenantId = tenantId, Id = id, Outcome = outcome, Model = model, Description = description, At = at }, ct);

    /// <summary>Ends a running job as failed or cancelled, with the reason.</summary>
    public Task<bool> FinishAsync(Guid tenantId, Guid id, string status, string error, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Finish, new { TenantId = tenantId, Id = id, Status = status, Error = error, At = at }, ct);

    /// <summary>Cancels a queued job at once; false when it is not queued.</summary>
    public Task<bool> CancelQueuedAsync(Guid tenantId, Guid id, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.CancelQueued, new { TenantId = tenantId, Id = id, At = at }, ct);

    /// <summary>Asks the worker to stop a running job; false when it is not running.</summary>
    public Task<bool> RequestCancellationAsync(Guid tenantId, Guid id, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.RequestCancellation, new { TenantId = tenantId, Id = id }, ct);

    /// <summary>At start-up: a job left running by a stopped server can never finish; fail it with the reason.</summary>
    /// <summary>Fails jobs that a stopped process left running: those started before this process started.</summary>
    public async Task<int> FailInterruptedAsync(string reason, DateTimeOffset at, DateTimeOffset startedBefore, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(_sql.FailInterrupted, new { Error = reason, At = at, StartedBefore = startedBefore }, cancellationToken: ct));
    }

    private async Task<bool> ExecuteOneAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)) == 1;
    }
}
