using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.ProfileSets;

/// <summary>The publication history of datasets and the fairness reviews of profile sets. Every statement filters by tenant.</summary>
public sealed class ProfileHistoryRepository(IDbConnectionFactory connections)
{
    private readonly ProfileHistorySql _sql = Dialect.Pick(connections.Provider, ProfileHistorySql.Sqlite, ProfileHistorySql.SqlServer);

    /// <summary>Every earlier publication of the dataset's profiles, oldest first.</summary>
    public async Task<IReadOnlyList<ProfilePublicationRow>> PublicationsOfDatasetAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ProfilePublicationRow>(new CommandDefinition(
            _sql.PublicationsOfDataset, new { TenantId = tenantId, DatasetId = datasetId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>
    /// Sets of the dataset that were published before the history was kept (migration 0007), oldest first:
    /// their publication has no record, so it is rebuilt from their stored description.
    /// </summary>
    public async Task<IReadOnlyList<ProfileSetRow>> PublishedSetsWithoutRecordAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ProfileSetRow>(new CommandDefinition(
            _sql.PublishedSetsWithoutRecord, new { TenantId = tenantId, DatasetId = datasetId }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<FairnessReviewRow?> FindReviewAsync(Guid tenantId, Guid profileSetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FairnessReviewRow>(new CommandDefinition(
            _sql.FindReview, new { TenantId = tenantId, ProfileSetId = profileSetId }, cancellationToken: ct));
    }

    /// <summary>Stores the review; false when the set is not a draft (any more) or was already reviewed.</summary>
    public Task<bool> AddReviewAsync(FairnessReviewRow review, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
            await connection.ExecuteAsync(new CommandDefinition(_sql.InsertReview, review, transaction, cancellationToken: token)) == 1, ct);

    /// <summary>
    /// Replaces a review whose findings no longer cover the draft's with a new one over all current findings;
    /// the replaced review is kept as it was (<see cref="ReplacedReviewsAsync"/>). False when the set is not a
    /// draft (any more) or the review changed meanwhile; then nothing is written.
    /// </summary>
    public Task<bool> ReplaceReviewAsync(Guid previousId, FairnessReviewRow review, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
        {
            var parameters = new
            {
                review.Id, review.TenantId, review.ProfileSetId, review.Findings, review.Reasoning, review.ReviewedAt,
                review.ClientId, review.UserId, review.UserRepresentation, PreviousId = previousId,
            };

            // Same conditions as the replacement, in its transaction: archived exactly when it will be replaced.
            return await connection.ExecuteAsync(new CommandDefinition(_sql.ArchiveReview, parameters, transaction, cancellationToken: token)) == 1
                && await connection.ExecuteAsync(new CommandDefinition(_sql.ReplaceReview, parameters, transaction, cancellationToken: token)) == 1;
        }, ct);

    /// <summary>The reviews of a set that later reviews replaced, oldest first.</summary>
    public async Task<IReadOnlyList<FairnessReviewRow>> ReplacedReviewsAsync(Guid tenantId, Guid profileSetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<FairnessReviewRow>(new CommandDefinition(
            _sql.ReplacedReviews, new { TenantId = tenantId, ProfileSetId = profileSetId }, cancellationToken: ct));
        return rows.AsList();
    }

    internal static ProfileHistorySql For(DatabaseProvider provider) => Dialect.Pick(provider, ProfileHistorySql.Sqlite, ProfileHistorySql.SqlServer);
}
