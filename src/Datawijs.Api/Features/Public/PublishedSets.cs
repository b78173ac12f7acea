using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Features.Public;

/// <summary>What the public endpoints show: an organisation, found by its short name, and the profile set it published.</summary>
public sealed class PublishedSets(TenantRepository tenants, ProfileSetRepository profileSets)
{
    /// <summary>
    /// The organisation's published set; null when the short name is unknown or nothing is published, which
    /// the public endpoints answer alike (404), so that they do not tell which organisations exist.
    /// </summary>
    public async Task<PublishedSet?> FindAsync(string slug, CancellationToken ct)
    {
        var tenant = await tenants.FindBySlugAsync(slug, ct);
        var set = tenant is null ? null : await profileSets.FindPublishedAsync(tenant.Id, ct);
        return tenant is null || set?.PublishedView is null ? null : new PublishedSet(tenant, set, ProfileSetViews.Frozen(set.PublishedView));
    }
}
