using Datawijs.Api.Features.Clusterings;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>A draft profile set with one unnamed profile per cluster of a succeeded clustering.</summary>
public static class ProfileSetFactory
{
    public static (ProfileSetRow Set, IReadOnlyList<ProfileRow> Profiles) Draft(DatasetRow dataset, ClusteringRow clustering, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(clustering);
        if (clustering.Status != ClusteringStatus.Succeeded || clustering.Description is null || clustering.Outcome is null)
        {
            throw new InvalidOperationException("A profile set needs a succeeded clustering.");
        }

        var description = StoredJson.Read<ProfileSetDescription>(clustering.Description);
        var method = ProfileSetViews.Method(
            dataset.Name, dataset.Purpose, description, StoredJson.Read<ClusteringOutcome>(clustering.Outcome),
            StoredJson.Read<ClusteringOptions>(clustering.Options), clustering.FinishedAt ?? now);
        var set = new ProfileSetRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = clustering.TenantId,
            DatasetId = dataset.Id,
            ClusteringId = clustering.Id,
            Status = ProfileSetStatus.Draft,
            Description = clustering.Description,
            Method = StoredJson.Write(method),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var profiles = description.Profiles.Select(p => new ProfileRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = clustering.TenantId,
            ProfileSetId = set.Id,
            Cluster = p.Cluster,
            UpdatedAt = now,
        }).ToList();
        return (set, profiles);
    }
}
