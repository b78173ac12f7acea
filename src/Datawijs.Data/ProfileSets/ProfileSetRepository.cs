using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.ProfileSets;

/// <summary>Profile sets and their profiles. Every statement filters by tenant.</summary>
public sealed class ProfileSetRepository(IDbConnectionFactory connections, PublishedProfileSetChanges changes)
{
    private readonly ProfileSetSql _sql = Dialect.Pick(connections.Provider, ProfileSetSql.Sqlite, ProfileSetSql.SqlServer);

    public Task AddAsync(ProfileSetRow set, IReadOnlyList<ProfileRow> profiles, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, set, transaction, cancellationToken: token));
            return await connection.ExecuteAsync(new CommandDefinition(_sql.InsertProfile, profiles, transaction, cancellationToken: token));
        }, ct);

    public async Task<ProfileSetRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProfileSetRow>(new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    /// <summary>The tenant's published set, if any (there is at most one).</summary>
    public async Task<ProfileSetRow?> FindPublishedAsync(Guid tenantId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProfileSetRow>(new CommandDefinition(_sql.FindPublished, new { TenantId = tenantId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ProfileRow>> ProfilesAsync(Guid tenantId, Guid profileSetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ProfileRow>(new CommandDefinition(_sql.Profiles, new { TenantId = tenantId, ProfileSetId = profileSetId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Changes a profile's names and descriptions; false unless the profile exists and its set is a draft.</summary>
    public Task<bool> UpdateProfileAsync(ProfileRow profile, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
            await connection.ExecuteAsync(new CommandDefinition(_sql.UpdateProfile, profile, transaction, cancellationToken: token)) == 1, ct);

    /// <summary>Publishes a draft with its frozen view and retires the tenant's previously published set, atomically.</summary>
    public async Task<bool> PublishAsync(Guid tenantId, Guid id, string publishedView, DateTimeOffset at, CancellationToken ct = default)
    {
        // A transaction of its own: it rolls back when the set turns out not to be a draft.
        await using (var write = await connections.BeginWriteAsync(ct))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(_sql.RetirePublished, new { TenantId = tenantId, At = at }, write.Transaction, cancellationToken: ct));
            var published = await write.Connection.ExecuteAsync(new CommandDefinition(
                _sql.Publish, new { TenantId = tenantId, Id = id, PublishedView = publishedView, At = at }, write.Transaction, cancellationToken: ct));
            if (published != 1)
            {
                await write.RollbackAsync(ct);
                return false;
            }

            await Changes.ChangeCounterRepository.BumpAsync(write.Connection, write.Transaction, connections.Provider, tenantId, Changes.ChangeKinds.PublishedProfileSet, ct);
            await write.CommitAsync(ct);
        }

        changes.Raise(tenantId);
        return true;
    }

    /// <summary>
    /// Publishes like <see cref="PublishAsync(Guid, Guid, string, DateTimeOffset, CancellationToken)"/> and adds the
    /// publication to its dataset's history in the same transaction, provided the dataset still has exactly
    /// <paramref name="earlierPublications"/> publications: the new one was checked against those, and a set of the
    /// same dataset published in between must be checked against too.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(
        Guid tenantId, Guid id, string publishedView, DateTimeOffset at, ProfilePublicationRow publication, int earlierPublications, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var history = ProfileHistoryRepository.For(connections.Provider);

        // A transaction of its own, as it may roll back. On SQLite it begins IMMEDIATE (holding the write
        // lock); on SQL Server the count takes an update range lock. Either way no other publication of the
        // dataset slips in between.
        await using (var write = await connections.BeginWriteAsync(ct))
        {
            var (connection, transaction) = (write.Connection, write.Transaction);
            var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                history.CountPublications, new { TenantId = tenantId, publication.DatasetId }, transaction, cancellationToken: ct));
            if (count != earlierPublications)
            {
                await write.RollbackAsync(ct);
                return PublishOutcome.HistoryChanged;
            }

            await connection.ExecuteAsync(new CommandDefinition(_sql.RetirePublished, new { TenantId = tenantId, At = at }, transaction, cancellationToken: ct));
            var published = await connection.ExecuteAsync(new CommandDefinition(
                _sql.Publish, new { TenantId = tenantId, Id = id, PublishedView = publishedView, At = at }, transaction, cancellationToken: ct));
            if (published != 1)
            {
                await write.RollbackAsync(ct);
                return PublishOutcome.NotDraft;
            }

            await connection.ExecuteAsync(new CommandDefinition(history.InsertPublication, publication, transaction, cancellationToken: ct));
            await Changes.ChangeCounterRepository.BumpAsync(connection, transaction, connections.Provider, tenantId, Changes.ChangeKinds.PublishedProfileSet, ct);
            await write.CommitAsync(ct);
        }

        changes.Raise(tenantId);
        return PublishOutcome.Published;
    }

    /// <summary>Retires a draft or published set; false when it is already retired or does not exist.</summary>
    public async Task<bool> RetireAsync(Guid tenantId, Guid id, DateTimeOffset at, CancellationToken ct = default)
    {
        var retired = await connections.WriteAsync(async (connection, transaction, token) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(_sql.Retire, new { TenantId = tenantId, Id = id, At = at }, transaction, cancellationToken: token)) != 1)
            {
                return false;
            }

            await Changes.ChangeCounterRepository.BumpAsync(connection, transaction, connections.Provider, tenantId, Changes.ChangeKinds.PublishedProfileSet, token);
            return true;
        }, ct);
        if (retired)
        {
            changes.Raise(tenantId);
        }

        return retired;
    }
}
