using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Organisations;

/// <summary>Scanned organisations. Every statement filters by tenant.</summary>
public sealed class OrganisationRepository(IDbConnectionFactory connections)
{
    private readonly OrganisationSql _sql = Dialect.Pick(connections.Provider, OrganisationSql.Sqlite, OrganisationSql.SqlServer);

    public Task AddAsync(OrganisationRow organisation, CancellationToken ct = default) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.Insert, organisation, transaction, cancellationToken: token)), ct);

    public async Task<OrganisationRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OrganisationRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    public async Task<Page<OrganisationRow>> PageAsync(Guid tenantId, PageCursor? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var command = after is { } cursor
            ? new CommandDefinition(_sql.NextPage, new { TenantId = tenantId, AfterCreatedAt = cursor.CreatedAt, AfterId = cursor.Id, Limit = limit + 1 }, cancellationToken: ct)
            : new CommandDefinition(_sql.FirstPage, new { TenantId = tenantId, Limit = limit + 1 }, cancellationToken: ct);
        var rows = (await connection.QueryAsync<OrganisationRow>(command)).AsList();
        return Page.FromOverfetch(rows, limit, last => new PageCursor(last.CreatedAt, last.Id));
    }

    public Task<bool> UpdateAsync(OrganisationRow organisation, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
            await connection.ExecuteAsync(new CommandDefinition(_sql.Update, organisation, transaction, cancellationToken: token)) == 1, ct);
}
