using Dapper;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using FastEndpoints;

namespace Datawijs.Api.Features.Health;

public sealed class Ready(IDbConnectionFactory connections, ILogger<Ready> logger) : EndpointWithoutRequest<HealthStatus>
{
    public override void Configure()
    {
        Get("/health/ready");
        RoutePrefixOverride(string.Empty);
        AllowAnonymous();
        Tags("Health");
        Options(b => b.WithOperationId("getReadiness"));
        Summary(s =>
        {
            s.Summary = "The API can serve requests: the database answers";
            s.Description = "503 when the database cannot be reached or read, or (SQLite) when another process has held its write lock for more than "
                + "2 seconds, so that writes would wait and fail. While this process itself is writing (a large upload), the database only has to answer a read.";
        });
        Description(b => b.Produces<HealthStatus>(200).ProducesProblems(503));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var connection = await connections.OpenAsync(timeout.Token);
            var sql = Dialect.Pick(connections.Provider, ReadinessSql.Sqlite, ReadinessSql.SqlServer);

            // The write probe waits its turn behind this process's own writers, so that an upload storing a
            // million rows here does not look like a stuck writer elsewhere. When the turn does not come soon,
            // this process is in a write transaction: it holds the lock, so the database only has to answer a read.
            using var turn = await TryTakeWriterTurnAsync(timeout.Token);
            await connection.ExecuteAsync(new CommandDefinition(turn is null ? sql.ReadProbe : sql.Probe,
                commandTimeout: ReadinessSql.ProbeTimeoutSeconds, cancellationToken: timeout.Token));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Readiness check failed: the database does not answer.");
            HttpContext.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(HttpContext, StatusCodes.Status503ServiceUnavailable, "database-unavailable", "The database does not answer.");
            return;
        }

        await Send.OkAsync(new HealthStatus(), ct);
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
