using Datawijs.Domain;
using Datawijs.Api.Caching;
using Datawijs.Data.Changes;
using Datawijs.Api.Features.Clusterings;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>
/// The published profile sets as stored by the profile sets part: the clustering's fitted model
/// (the exact distance it used), the names and descriptions given before publication, and how
/// the set was made. A published set never changes, so its space is built once and kept.
/// <para>
/// Which set is current is kept per tenant for <see cref="CurrentFor"/>, following the tenant's
/// published-profile-set counter: the repositories raise it when they publish, retire or delete a set,
/// and tell this process at once (<see cref="PublishedProfileSetChanges"/>), so this instance forgets
/// it at once and another instance on the same database within <see cref="ChangeWatch.Bound"/>.
/// </para>
/// </summary>
public sealed class StoredPublishedProfileSets : IPublishedProfileSetReader
{
    public static readonly TimeSpan CurrentFor = TimeSpan.FromSeconds(5);

    private readonly ApiCache _cache;
    private readonly ProfileSetRepository _profileSets;
    private readonly ClusteringRepository _clusterings;
    private readonly DatasetRepository _datasets;

    public StoredPublishedProfileSets(
        ProfileSetRepository profileSets,
        ClusteringRepository clusterings,
        DatasetRepository datasets,
        PublishedProfileSetChanges changes,
        ChangeWatch watch,
        ApiCache cache)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(watch);
        _cache = cache;
        _profileSets = profileSets;
        _clusterings = clusterings;
        _datasets = datasets;
        changes.Changed += tenantId => watch.Changed(tenantId, ChangeKinds.PublishedProfileSet);
    }

    public Task<PublishedProfileSetModel?> GetCurrentAsync(Guid tenantId, CancellationToken ct) =>
        _cache.GetOrLoadAsync(
            new CurrentKey(tenantId),
            CurrentFor,
            async loadCt => await _profileSets.FindPublishedAsync(tenantId, loadCt) is { } set ? await ModelAsync(set, loadCt) : null,
            _ => CacheTag.Of(tenantId, ChangeKinds.PublishedProfileSet),
            ct);

    public async Task<PublishedProfileSetModel?> FindAsync(Guid tenantId, Guid profileSetId, CancellationToken ct)
    {
        if (_cache.TryGet<PublishedProfileSetModel>(new ModelKey(profileSetId), out var cached) && await StillThereAsync(tenantId, profileSetId, ct))
        {
            return cached;
        }

        var set = await _profileSets.FindAsync(tenantId, profileSetId, ct);
        return set is null || set.PublishedAt is null ? null : await ModelAsync(set, ct);
    }

    // A deleted dataset takes its profile sets with it; the cache must not outlive them.
    private async Task<bool> StillThereAsync(Guid tenantId, Guid profileSetId, CancellationToken ct) =>
        await _profileSets.FindAsync(tenantId, profileSetId, ct) is not null;

    private async Task<PublishedProfileSetModel?> ModelAsync(ProfileSetRow set, CancellationToken ct)
    {
        if (_cache.TryGet<PublishedProfileSetModel>(new ModelKey(set.Id), out var cached))
        {
            return cached;
        }

        var clustering = await _clusterings.FindAsync(set.TenantId, set.ClusteringId, ct);
        if (clustering?.Model is null || clustering.Outcome is null)
        {
            return null;
        }

        var dataset = await _datasets.FindAsync(set.TenantId, set.DatasetId, ct);
        var profiles = (await _profileSets.ProfilesAsync(set.TenantId, set.Id, ct)).OrderBy(p => p.Cluster).ToList();
        var clusterModel = StoredJson.ReadModel(clustering.Model);
        // What a person is shown as a profile's numeric value is its median as published, never the exact centre.
        var published = set.PublishedView is null ? null : StoredJson.Read<Views.ProfileSetView>(set.PublishedView);
        var medians = published?.Profiles.ToDictionary(
            p => p.Id,
            p => (IReadOnlyDictionary<string, double?>)p.Medians.ToDictionary(m => m.Feature, m => m.Median, StringComparer.Ordinal));
        var households = published?.Profiles.ToDictionary(p => p.Id, p => p.Households);
        var namings = profiles.Select(p => new ProfileNaming(
            p.Id,
            new LocalizedText(p.NameNl ?? "", p.NameEn ?? p.NameNl ?? ""),
            p.DescriptionNl is null ? null : new LocalizedText(p.DescriptionNl, p.DescriptionEn ?? p.DescriptionNl),
            medians?.GetValueOrDefault(p.Id) ?? (medians is null ? null : new Dictionary<string, double?>()),
            households?.GetValueOrDefault(p.Id))).ToList();
        // The labels are part of the dataset's declaration (the model carries a copy of it).
        var declared = dataset is null ? clusterModel.Features : StoredJson.Features(dataset.Features);
        var space = ProfileSpaces.FromClusterModel(clusterModel, namings, FeatureLabels.Of(declared));
        var outcome = StoredJson.Read<ClusteringOutcome>(clustering.Outcome);
        var options = StoredJson.Read<ClusteringOptions>(clustering.Options);
        var model = new PublishedProfileSetModel(
            set.Id, space, set.PublishedAt ?? set.CreatedAt, PublishedFigures.Count(outcome.Households, DisclosureRules.Default) ?? 0, options.Seed, DisclosureRules.Default,
            string.IsNullOrWhiteSpace(dataset?.Purpose) ? null : dataset.Purpose,
            published?.Outflow is { } outflow
                ? outflow.Groups.Where(g => !g.Withheld).ToDictionary(
                    g => g.ProfileId, g => new Domain.Reporting.OutflowFact(g.Median, g.MedianLower, g.MedianUpper, Datasets.FeatureNames.UnitFrom(outflow.DurationUnit)))
                : null);
        _cache.Keep(new ModelKey(set.Id), model);
        return model;
    }

    private sealed record CurrentKey(Guid TenantId);

    private sealed record ModelKey(Guid ProfileSetId);
}
