using System.Data.Common;
using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.AccessLog;

/// <summary>The append-only access log. Every statement filters by tenant; there is no update or delete.</summary>
public sealed class AccessLogRepository(IDbConnectionFactory connections)
{
    private readonly AccessLogSql _sql = Dialect.Pick(connections.Provider, AccessLogSql.Sqlite, AccessLogSql.SqlServer);

    public async Task AppendAsync(IReadOnlyList<AccessLogEntryRow> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await connections.WriteAsync(async (connection, transaction, token) =>
        {
            await AppendAsync(connection, transaction, connections.Provider, entries, token);
            return true;
        }, ct);
    }

    public async Task<IReadOnlyList<AccessLogEntryRow>> ListForSubjectAsync(Guid tenantId, string subjectPseudonym, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<AccessLogEntryRow>(new CommandDefinition(
            _sql.ListForSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym, Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The tenants that have access log entries or a chain head.</summary>
    public async Task<IReadOnlyList<Guid>> ListTenantsAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(_sql.ListTenants, cancellationToken: ct))).AsList();
    }

    /// <summary>Whether the database holds the tenants, the access log and its chain heads (only reads).</summary>
    public async Task<bool> HasChainTablesAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(_sql.CountChainTables, cancellationToken: ct)) == 3;
    }

    /// <summary>
    /// Walks a tenant's chain (<see cref="AccessLogChain.Verify"/>). Safe while the API writes: only the
    /// entries up to the chain head read first are walked (an entry and the head that covers it are
    /// committed together, and nothing is ever removed), so an entry appended meanwhile is not taken
    /// for a broken head.
    /// </summary>
    public async Task<AccessLogChainReport> VerifyAsync(Guid tenantId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var head = await connection.QuerySingleOrDefaultAsync<AccessLogChainHead>(new CommandDefinition(_sql.FindHead, new { TenantId = tenantId }, cancellationToken: ct));
            var preHistory = (await connection.QueryAsync<AccessLogEntryRow>(new CommandDefinition(_sql.ListPreHistory, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
            var upTo = head?.Position ?? long.MaxValue;
            var chained = connection.Query<AccessLogEntryRow>(_sql.ListChained, new { TenantId = tenantId }, buffered: false)
                .TakeWhile(e => e.ChainPosition is not { } p || p <= upTo);
            var report = AccessLogChain.Verify(tenantId, head, chained, preHistory);
            // Without a head the chain may just have begun since the head was read: look once more.
            if (head is null && !report.Intact && attempt == 0)
            {
                continue;
            }

            return report;
        }
    }

    /// <summary>
    /// Appends inside another repository's transaction, so a change and its log entry are stored together
    /// or not at all. Each entry is chained to its tenant's last one: the tenant's head is read (on SQL
    /// Server locked until the transaction ends; on SQLite the transaction is the only writer), the entry
    /// is stored with its position and hashes, and the head moves forward. A batch of the SQLite group
    /// commit that is rolled back and done again reads the head afresh, so the chain stays whole.
    /// </summary>
    internal static async Task AppendAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, IEnumerable<AccessLogEntryRow> entries, CancellationToken ct)
    {
        var sql = Dialect.Pick(provider, AccessLogSql.Sqlite, AccessLogSql.SqlServer);
        // Tenants in one order, so two transactions never wait for each other's heads crosswise.
        foreach (var tenant in entries.GroupBy(e => e.TenantId).OrderBy(g => g.Key))
        {
            var tenantId = tenant.Key;
            var headText = (await SqliteStatementCache.QueryTextsAsync(connection, transaction, sql.LockHead, new { TenantId = tenantId }, ct)).SingleOrDefault();
            long position;
            string previous;
            string? genesis = null;
            long preHistoryCount = 0;
            if (headText is null)
            {
                var preHistory = (await connection.QueryAsync<AccessLogEntryRow>(new CommandDefinition(sql.ListPreHistory, new { TenantId = tenantId }, transaction, cancellationToken: ct))).AsList();
                genesis = AccessLogChain.Genesis(tenantId, preHistory);
                preHistoryCount = preHistory.Count;
                position = 0;
                previous = genesis;
            }
            else
            {
                var parts = headText.Split(' ');
                position = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                previous = parts[1];
            }

            var lastId = Guid.Empty;
            foreach (var entry in tenant)
            {
                var chained = AccessLogChain.Chained(entry, ++position, previous);
                await SqliteStatementCache.ExecuteAsync(connection, transaction, sql.Insert, chained, ct);
                previous = chained.EntryHash!;
                lastId = chained.Id;
            }

            var head = new ChainHeadValues(tenantId, position, lastId, previous, genesis ?? "", preHistoryCount);
            var changed = await SqliteStatementCache.ExecuteAsync(connection, transaction, genesis is null ? sql.AdvanceHead : sql.InsertHead, head, ct);
            if (changed != 1)
            {
                throw new InvalidOperationException("The access log chain head of the tenant did not move forward; the entry was not stored.");
            }
        }
    }

    private sealed record ChainHeadValues(Guid TenantId, long Position, Guid EntryId, string EntryHash, string GenesisHash, long PreHistoryCount);
}
