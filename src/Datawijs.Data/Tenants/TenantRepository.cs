using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Tenants;

/// <summary>Tenants and the applications (clients) that call the API on their behalf.</summary>
public sealed class TenantRepository(IDbConnectionFactory connections)
{
    private readonly TenantSql _sql = Dialect.Pick(connections.Provider, TenantSql.Sqlite, TenantSql.SqlServer);

    /// <summary>Creates the tenant if its slug is new; returns the stored tenant either way.</summary>
    public Task<(TenantRow Tenant, bool Created)> EnsureAsync(TenantRow candidate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return connections.WriteAsync(async (connection, transaction, token) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(_sql.InsertIfMissing, candidate, transaction, cancellationToken: token));
            var stored = await connection.QuerySingleAsync<TenantRow>(new CommandDefinition(_sql.FindBySlug, new { candidate.Slug }, transaction, cancellationToken: token));
            return (stored, inserted == 1);
        }, ct);
    }

    public async Task<TenantRow?> FindBySlugAsync(string slug, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(_sql.FindBySlug, new { Slug = slug }, cancellationToken: ct));
    }

    public async Task<TenantRow?> FindByIdAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(_sql.FindById, new { Id = id }, cancellationToken: ct));
    }

    public Task AddClientAsync(ClientRow client, CancellationToken ct = default) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.InsertClient, client, transaction, cancellationToken: token)), ct);

    public async Task<ClientRow?> FindClientAsync(string clientId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(_sql.FindClient, new { ClientId = clientId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ClientRow>> ListClientsAsync(Guid tenantId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ClientRow>(new CommandDefinition(_sql.ListClients, new { TenantId = tenantId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Revokes the client and raises its tenant's clients counter, so every instance forgets it within the poll's bound.</summary>
    public async Task<bool> RevokeClientAsync(string clientId, DateTimeOffset at, CancellationToken ct = default)
    {
        var client = await FindClientAsync(clientId, ct);
        return await connections.WriteAsync(async (connection, transaction, token) =>
        {
            var revoked = await connection.ExecuteAsync(new CommandDefinition(_sql.RevokeClient, new { ClientId = clientId, RevokedAt = at }, transaction, cancellationToken: token)) == 1;
            if (revoked && client is not null)
            {
                await Changes.ChangeCounterRepository.BumpAsync(connection, transaction, connections.Provider, client.TenantId, Changes.ChangeKinds.Clients, token);
            }

            return revoked;
        }, ct);
    }
}
