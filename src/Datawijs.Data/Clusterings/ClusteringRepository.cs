using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Clusterings;

/// <summary>
/// Clustering jobs. Every statement filters by tenant, except the worker's claim of the next job (over
/// all tenants, round-robin) and the heartbeat, which go by the claim's token.
/// </summary>
public sealed class ClusteringRepository(IDbConnectionFactory connections)
{
    private readonly ClusteringSql _sql = Dialect.Pick(connections.Provider, ClusteringSql.Sqlite, ClusteringSql.SqlServer);

    /// <summary>Queues a job unless the dataset is not the tenant's or the tenant already has <paramref name="limit"/> open jobs.</summary>
    public Task<QueueOutcome> AddAsync(ClusteringRow clustering, int limit = int.MaxValue, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clustering);
        var parameters = new { clustering.Id, clustering.TenantId, clustering.DatasetId, clustering.Options, clustering.CreatedAt, Limit = limit };
        return connections.WriteAsync(async (connection, transaction, token) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, parameters, transaction, cancellationToken: token)) == 1)
            {
                return QueueOutcome.Queued;
            }

            var dataset = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                connections.Provider == DatabaseProvider.Sqlite
                    ? "SELECT COUNT(*) FROM datasets WHERE tenant_id = @TenantId AND id = @DatasetId"
                    : "SELECT COUNT(*) FROM dbo.Datasets WHERE TenantId = @TenantId AND Id = @DatasetId",
                new { clustering.TenantId, clustering.DatasetId }, transaction, cancellationToken: token));
            return dataset == 0 ? QueueOutcome.DatasetNotFound : QueueOutcome.TenantLimitReached;
        }, ct);
    }

    public async Task<ClusteringRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ClusteringRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    /// <summary>
    /// Claims the next job of any tenant with a new lease: a running job whose lease expired (its instance
    /// stopped) first, then queued jobs round-robin over tenants. Jobs whose lease expired
    /// <see cref="LeaseTerms.MaxAttempts"/> times are failed with <paramref name="exhaustedReason"/> instead.
    /// Null when there is nothing to do.
    /// </summary>
    public Task<ClusteringRow?> ClaimNextAsync(LeaseTerms terms, string exhaustedReason, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var claim = new { terms.Owner, Token = Guid.NewGuid(), Until = now + terms.Length, Now = now, terms.MaxAttempts, Error = exhaustedReason };
        return connections.WriteAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(_sql.FailExhausted, claim, transaction, cancellationToken: token));
            return await connection.QuerySingleOrDefaultAsync<ClusteringRow>(new CommandDefinition(_sql.ClaimNext, claim, transaction, cancellationToken: token));
        }, ct);
    }

    /// <summary>Claims one queued job with a new lease; null when it was taken, cancelled or deleted meanwhile.</summary>
    public Task<ClusteringRow?> ClaimAsync(Guid tenantId, Guid id, LeaseTerms terms, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var claim = new { TenantId = tenantId, Id = id, terms.Owner, Token = Guid.NewGuid(), Until = now + terms.Length, Now = now };
        return connections.WriteAsync(
            (connection, transaction, token) => connection.QuerySingleOrDefaultAsync<ClusteringRow>(new CommandDefinition(_sql.Claim, claim, transaction, cancellationToken: token)),
            ct);
    }

    /// <summary>Extends the lease; false when the job is no longer ours (taken over, finished, deleted).</summary>
    public Task<bool> RenewAsync(ClusteringRow claimed, DateTimeOffset until, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Renew, new { Id = Claimed(claimed).Id, Token = claimed.LeaseToken, Until = until }, ct);

    public Task<bool> ReportProgressAsync(ClusteringRow claimed, double progress, string phase, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.ReportProgress, new { Id = Claimed(claimed).Id, Token = claimed.LeaseToken, Progress = progress, Phase = phase }, ct);

    /// <summary>True when cancellation was asked for, or the job no longer exists (its dataset was deleted).</summary>
    public async Task<bool> IsCancelRequestedAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var flag = await connection.QuerySingleOrDefaultAsync<bool?>(
            new CommandDefinition(_sql.IsCancelRequested, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
        return flag ?? true;
    }

    /// <summary>Stores the result; false (nothing stored) when the lease was lost: the result is stored once, by the lease's holder.</summary>
    public Task<bool> SucceedAsync(ClusteringRow claimed, string outcome, string model, string description, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Succeed, new
        {
            Claimed(claimed).TenantId, claimed.Id, Token = claimed.LeaseToken, Outcome = outcome, Model = model, Description = description, At = at,
        }, ct);

    /// <summary>Ends a running job as failed or cancelled, with the reason; false when the lease was lost.</summary>
    public Task<bool> FinishAsync(ClusteringRow claimed, string status, string error, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Finish, new { Claimed(claimed).TenantId, claimed.Id, Token = claimed.LeaseToken, Status = status, Error = error, At = at }, ct);

    /// <summary>Puts a job this instance cannot finish (it is stopping) back in the queue for another instance.</summary>
    public Task<bool> ReleaseAsync(ClusteringRow claimed, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.Release, new { Claimed(claimed).TenantId, claimed.Id, Token = claimed.LeaseToken }, ct);

    /// <summary>Cancels a queued job at once; false when it is not queued.</summary>
    public Task<bool> CancelQueuedAsync(Guid tenantId, Guid id, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.CancelQueued, new { TenantId = tenantId, Id = id, At = at }, ct);

    /// <summary>Asks the instance that runs a job to stop it; false when it is not running.</summary>
    public Task<bool> RequestCancellationAsync(Guid tenantId, Guid id, CancellationToken ct = default) =>
        ExecuteOneAsync(_sql.RequestCancellation, new { TenantId = tenantId, Id = id }, ct);

    private static ClusteringRow Claimed(ClusteringRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.LeaseToken is null)
        {
            throw new ArgumentException("The job was not claimed: it has no lease token.", nameof(row));
        }

        return row;
    }

    // The lease's renewal and every end of a job are short writes: they share the writer's commits.
    private Task<bool> ExecuteOneAsync(string sql, object parameters, CancellationToken ct) =>
        connections.WriteAsync(async (connection, transaction, token) =>
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: token)) == 1, ct);
}
