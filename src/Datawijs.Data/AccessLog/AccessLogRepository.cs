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

    /// <summary>Appends inside another repository's transaction, so a change and its log entry are stored together or not at all.</summary>
    internal static async Task AppendAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, IEnumerable<AccessLogEntryRow> entries, CancellationToken ct)
    {
        var sql = Dialect.Pick(provider, AccessLogSql.Sqlite, AccessLogSql.SqlServer);
        foreach (var entry in entries)
        {
            await SqliteStatementCache.ExecuteAsync(connection, transaction, sql.Insert, entry, ct);
        }
    }
}
