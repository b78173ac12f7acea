using Dapper;
using Datawijs.Data.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Datawijs.Api.Features.Health;

/// <summary>
/// Readiness: the database answers, and (SQLite) no other process has held its write lock so long that writes would
/// wait and fail. A failure is any exception, or the registration's timeout; the health-check service logs it.
/// </summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public const string Name = "database";

    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = Dialect.Pick(connections.Provider, ReadinessSql.Sqlite, ReadinessSql.SqlServer);

        // The write probe waits its turn behind this process's own writers, so that an upload storing a
        // million rows here does not look like a stuck writer elsewhere. When the turn does not come soon,
        // this process is in a write transaction: it holds the lock, so the database only has to answer a read.
        using var turn = await TryTakeWriterTurnAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(turn is null ? sql.ReadProbe : sql.Probe,
            commandTimeout: ReadinessSql.ProbeTimeoutSeconds, cancellationToken: cancellationToken));
        return HealthCheckResult.Healthy();
    }

    private async Task<IDisposable?> TryTakeWriterTurnAsync(CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(ReadinessSql.TurnWait);
        try
        {
            return await connections.WriterTurnAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
