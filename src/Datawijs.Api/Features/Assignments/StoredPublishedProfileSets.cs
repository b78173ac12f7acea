using Datawijs.Domain;
using System.Collections.Concurrent;
using Datawijs.Api.Features.Clusterings;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;

namespace Datawijs.Api.Features.Assignments;

/// <summary>
/// The published profile sets as stored by the profile sets part: the clustering's fitted model
/// (the exact distance it used), the names and descriptions given before publication, and how
/// the set was made. A published set never changes, so its space is built once and cached.
/// <para>
/// Which set is current is remembered per tenant for <see cref="CurrentFor"/>: this process forgets
/// it at once when it publishes, retires or deletes a set; another process (several API instances on
/// one SQL Server) sees the change within that time.
/// </para>
/// </summary>
public sealed class StoredPublishedProfileSets(
    ProfileSetRepository profileSets,
    ClusteringRepository clusterings,
    DatasetRepository datasets,
    TimeProvider clock) : IPublishedProfileSetReader
{
    public static readonly TimeSpan CurrentFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, PublishedProfileSetModel> _cache = new();
    private readonly ConcurrentDictionary<Guid, (PublishedProfileSetModel? Model, DateTimeOffset Until)> _current = new();

    public async Task<PublishedProfileSetModel?> GetCurrentAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_current.TryGetValue(tenantId, out var remembered) && remembered.Until > now)
        {
            return remembered.Model;
        }

        var set = await profileSets.FindPublishedAsync(tenantId, ct);
        var model = set is null ? null : await ModelAsync(set, ct);
        _current[tenantId] = (model, now + CurrentFor);
        return model;
    }

    public void Forget(Guid tenantId) => _current.TryRemove(tenantId, out _);

    public async Task<PublishedProfileSetModel?> FindAsync(Guid tenantId, Guid profileSetId, CancellationToken ct)
    {
        if (_cache.TryGetValue(profileSetId, out var cached) && await StillThereAsync(tenantId, profileSetId, ct))
        {
            return cached;
        }

        var set = await profileSets.FindAsync(tenantId, profileSetId, ct);
        return set is null || set.PublishedAt is null ? null : await ModelAsync(set, ct);
    }

    // A deleted dataset takes its profile sets with it; the cache must not outlive them.
    private async Task<bool> StillThereAsync(Guid tenantId, Guid profileSetId, CancellationToken ct) =>
        await profileSets.FindAsync(tenantId, profileSetId, ct) is not null;

    private async Task<PublishedProfileSetModel?> ModelAsync(ProfileSetRow set, CancellationToken ct)
    {
        if (_cache.TryGetValue(set.Id, out var cached))
        {
            return cached;
        }

        var clustering = await clusterings.FindAsync(set.TenantId, set.ClusteringId, ct);
        if (clustering?.Model is null || clustering.Outcome is null)
        {
            return null;
        }

        var dataset = await datasets.FindAsync(set.TenantId, set.DatasetId, ct);
        var profiles = (await profileSets.ProfilesAsync(set.TenantId, set.Id, ct)).OrderBy(p => p.Cluster).ToList();
        var model = StoredJson.ReadModel(clustering.Model);
        var namings = profiles.Select(p => new ProfileNaming(
            p.Id,
            new LocalizedText(p.NameNl ?? "", p.NameEn ?? p.NameNl ?? ""),
            p.DescriptionNl is null ? null : new LocalizedText(p.DescriptionNl, p.DescriptionEn ?? p.DescriptionNl))).ToList();
        var space = ProfileSpaces.FromClusterModel(model, namings);
        var outcome = StoredJson.Read<ClusteringOutcome>(clustering.Outcome);
        var options = StoredJson.Read<ClusteringOptions>(clustering.Options);
        var published = new PublishedProfileSetModel(
            set.Id, space, set.PublishedAt ?? set.CreatedAt, outcome.Households, options.Seed, DisclosureRules.Default,
            string.IsNullOrWhiteSpace(dataset?.Purpose) ? null : dataset.Purpose);
        return _cache.GetOrAdd(set.Id, published);
    }
}
