using System.Data.Common;
using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Changes;

/// <summary>
/// Change counters per tenant and kind. Whatever changes cached data raises its counter (in the same
/// transaction where there is one); every instance polls the table and drops what it cached under an
/// older value, so a change made on one instance is seen on all of them within the poll's bound.
/// </summary>
public sealed class ChangeCounterRepository(IDbConnectionFactory connections)
{
    public Task BumpAsync(Guid tenantId, string kind, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
        {
            await BumpAsync(connection, transaction, connections.Provider, tenantId, kind, token);
            return true;
        }, ct);

    public static Task BumpAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, Guid tenantId, string kind, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            Dialect.Pick(provider, ChangeCounterSql.Sqlite, ChangeCounterSql.SqlServer).Bump, new { TenantId = tenantId, Kind = kind }, transaction, cancellationToken: ct));

    public async Task<IReadOnlyList<ChangeCounter>> ReadAllAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Dialect.Pick(connections.Provider, ChangeCounterSql.Sqlite, ChangeCounterSql.SqlServer).ReadAll, cancellationToken: ct));
        return rows.Select(r => new ChangeCounter(r.TenantId, r.Kind, r.Version)).ToList();
    }

    private sealed class Row
    {
        public Guid TenantId { get; init; }

        public string Kind { get; init; } = "";

        public long Version { get; init; }
    }
}
