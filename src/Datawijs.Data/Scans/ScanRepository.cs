using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Scans;

/// <summary>Maturity scans, their respondents' answers and their stored scores.</summary>
public sealed class ScanRepository(IDbConnectionFactory connections)
{
    private readonly ScanSql _sql = Dialect.Pick(connections.Provider, ScanSql.Sqlite, ScanSql.SqlServer);

    public Task AddAsync(ScanRow scan, CancellationToken ct = default) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.Insert, scan, transaction, cancellationToken: token)), ct);

    public async Task<ScanRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ScanRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    /// <summary>An organisation's scans, oldest first.</summary>
    public async Task<Page<ScanRow>> PageAsync(Guid tenantId, Guid organisationId, PageCursor? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var command = after is { } cursor
            ? new CommandDefinition(_sql.NextPage, new { TenantId = tenantId, OrganisationId = organisationId, AfterCreatedAt = cursor.CreatedAt, AfterId = cursor.Id, Limit = limit + 1 }, cancellationToken: ct)
            : new CommandDefinition(_sql.FirstPage, new { TenantId = tenantId, OrganisationId = organisationId, Limit = limit + 1 }, cancellationToken: ct);
        var rows = (await connection.QueryAsync<ScanRow>(command)).AsList();
        return Page.FromOverfetch(rows, limit, last => new PageCursor(last.CreatedAt, last.Id));
    }

    /// <summary>
    /// Stores (or replaces) one respondent's answers, but only while the scan is open: false when
    /// the scan was completed (or does not exist in the tenant).
    /// </summary>
    public Task<bool> SaveResponseAsync(ScanResponseRow response, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
            await connection.ExecuteAsync(new CommandDefinition(_sql.UpsertOpenResponse, response, transaction, cancellationToken: token)) > 0, ct);

    public async Task<IReadOnlyList<ScanResponseRow>> ListResponsesAsync(Guid tenantId, Guid scanId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ScanResponseRow>(
            new CommandDefinition(_sql.ListResponses, new { TenantId = tenantId, ScanId = scanId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>
    /// Freezes an open scan and stores its score in one transaction of its own (it rolls back when the
    /// scan has no answers). The scan is marked completed first, which takes the write lock on SQL Server
    /// (SQLite holds it from the start), so no answer can slip in between reading the answers and storing
    /// the score.
    /// </summary>
    /// <param name="score">Computes the score (as stored JSON) from the frozen answers.</param>
    public async Task<CompletionOutcome> CompleteAsync(
        Guid tenantId,
        Guid scanId,
        DateTimeOffset completedAt,
        Func<IReadOnlyList<ScanResponseRow>, string> score,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        await using var write = await connections.BeginWriteAsync(ct);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var key = new { TenantId = tenantId, Id = scanId };
        var marked = await connection.ExecuteAsync(new CommandDefinition(_sql.MarkCompleted, new { TenantId = tenantId, Id = scanId, CompletedAt = completedAt }, transaction, cancellationToken: ct));
        if (marked == 0)
        {
            var existing = await connection.QuerySingleOrDefaultAsync<ScanRow>(new CommandDefinition(_sql.Find, key, transaction, cancellationToken: ct));
            await write.RollbackAsync(ct);
            return existing is null ? CompletionOutcome.NotFound : CompletionOutcome.AlreadyCompleted;
        }

        var responses = (await connection.QueryAsync<ScanResponseRow>(
            new CommandDefinition(_sql.ListResponses, new { TenantId = tenantId, ScanId = scanId }, transaction, cancellationToken: ct))).AsList();
        if (responses.Count == 0)
        {
            await write.RollbackAsync(ct);
            return CompletionOutcome.NoRespondents;
        }

        await connection.ExecuteAsync(new CommandDefinition(_sql.StoreScore, new { TenantId = tenantId, Id = scanId, Score = score(responses) }, transaction, cancellationToken: ct));
        await write.CommitAsync(ct);
        return CompletionOutcome.Completed;
    }

    /// <summary>An organisation's completed scans, oldest first.</summary>
    public async Task<IReadOnlyList<CompletedScanRow>> CompletedForOrganisationAsync(Guid tenantId, Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<CompletedScanRow>(
            new CommandDefinition(_sql.CompletedForOrganisation, new { TenantId = tenantId, OrganisationId = organisationId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>
    /// Every completed scan of a model across all tenants: input for peer benchmarks only, which
    /// publish aggregates and never which organisation scored what.
    /// </summary>
    public async Task<IReadOnlyList<CompletedScanRow>> CompletedForModelAcrossTenantsAsync(string modelId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<CompletedScanRow>(
            new CommandDefinition(_sql.CompletedForModel, new { ModelId = modelId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The tenant's completed scans, by completion time, optionally of one model and since an instant.</summary>
    public async Task<Page<CompletedScanRow>> ScoresPageAsync(
        Guid tenantId, string? modelId, DateTimeOffset? completedSince, PageCursor? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var command = after is { } cursor
            ? new CommandDefinition(_sql.ScoresNextPage, new { TenantId = tenantId, ModelId = modelId, CompletedSince = completedSince, AfterCompletedAt = cursor.CreatedAt, AfterId = cursor.Id, Limit = limit + 1 }, cancellationToken: ct)
            : new CommandDefinition(_sql.ScoresFirstPage, new { TenantId = tenantId, ModelId = modelId, CompletedSince = completedSince, Limit = limit + 1 }, cancellationToken: ct);
        var rows = (await connection.QueryAsync<CompletedScanRow>(command)).AsList();
        return Page.FromOverfetch(rows, limit, last => new PageCursor(last.CompletedAt, last.Id));
    }
}
