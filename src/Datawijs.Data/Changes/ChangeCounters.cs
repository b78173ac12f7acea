using System.Data.Common;
using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Changes;

/// <summary>The kinds of cached data whose changes are counted per tenant.</summary>
public static class ChangeKinds
{
    /// <summary>A client was added or revoked.</summary>
    public const string Clients = "clients";

    /// <summary>A profile set was published or retired, or a dataset (with its sets) deleted.</summary>
    public const string PublishedProfileSet = "published-profile-set";

    /// <summary>A scan was completed or an organisation's kind or size changed: the peers of every benchmark.</summary>
    public const string Peers = "peers";
}

/// <summary>One counter: raised with every change of a kind of data of a tenant.</summary>
public sealed record ChangeCounter(Guid TenantId, string Kind, long Version);

public sealed record ChangeCounterSql(string Bump, string ReadAll) : ISqlStatements
{
    public static readonly ChangeCounterSql Sqlite = new(
        Bump: """
            INSERT INTO change_counters (tenant_id, kind, version) VALUES (@TenantId, @Kind, 1)
            ON CONFLICT (tenant_id, kind) DO UPDATE SET version = change_counters.version + 1
            """,
        ReadAll: "SELECT tenant_id, kind, version FROM change_counters");

    public static readonly ChangeCounterSql SqlServer = new(
        Bump: """
            UPDATE dbo.ChangeCounters WITH (UPDLOCK, HOLDLOCK) SET Version = Version + 1 WHERE TenantId = @TenantId AND Kind = @Kind;
            IF @@ROWCOUNT = 0
            INSERT INTO dbo.ChangeCounters (TenantId, Kind, Version) VALUES (@TenantId, @Kind, 1);
            """,
        ReadAll: "SELECT TenantId, Kind, Version FROM dbo.ChangeCounters");
}

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
