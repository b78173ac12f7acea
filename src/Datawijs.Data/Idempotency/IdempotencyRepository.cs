using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Idempotency;

public sealed class IdempotencyRepository(IDbConnectionFactory connections)
{
    private readonly IdempotencySql _sql = Dialect.Pick(connections.Provider, IdempotencySql.Sqlite, IdempotencySql.SqlServer);

    /// <summary>
    /// Claims the key for this request. Returns null when the claim is new (go ahead), else the
    /// record of the first request with this key (replay it, or wait if it is still pending).
    /// A pending claim of the same request made before <paramref name="staleBefore"/> belongs to a
    /// server that stopped mid-request (it would have completed or released it): it is taken over.
    /// A record made before <paramref name="expiredBefore"/> has expired: the key is free again.
    /// </summary>
    public async Task<IdempotencyRecord?> BeginAsync(
        IdempotencyRecord claim, DateTimeOffset? staleBefore = null, DateTimeOffset? expiredBefore = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var parameters = new
        {
            claim.TenantId,
            claim.ClientId,
            claim.IdemKey,
            claim.RequestHash,
            claim.CreatedAt,
            StaleBefore = staleBefore ?? DateTimeOffset.MinValue,
            ExpiredBefore = expiredBefore ?? DateTimeOffset.MinValue,
        };
        return await connections.WriteAsync(async (connection, transaction, token) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(_sql.Begin, parameters, transaction, cancellationToken: token));
            return inserted == 1
                ? null
                : await connection.QuerySingleAsync<IdempotencyRecord>(new CommandDefinition(_sql.Find, claim, transaction, cancellationToken: token));
        }, ct);
    }

    public Task CompleteAsync(IdempotencyRecord outcome, CancellationToken ct = default) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.Complete, outcome, transaction, cancellationToken: token)), ct);

    /// <summary>Deletes the records made before <paramref name="expiredBefore"/>, in batches; returns how many.</summary>
    public async Task<long> DeleteExpiredAsync(DateTimeOffset expiredBefore, int batch = 5000, CancellationToken ct = default)
    {
        long deleted = 0;
        while (true)
        {
            var n = await connections.WriteAsync(
                (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.DeleteExpired, new { ExpiredBefore = expiredBefore, Batch = batch }, transaction, cancellationToken: token)), ct);
            deleted += n;
            if (n < batch)
            {
                return deleted;
            }
        }
    }

    /// <summary>Releases a claim whose request failed, so a retry may run it again.</summary>
    public Task AbandonAsync(IdempotencyRecord claim, CancellationToken ct = default) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.Abandon, claim, transaction, cancellationToken: token)), ct);
}
