using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Features.Public;

/// <summary>An organisation's currently published profile set, with the view frozen at publication.</summary>
public sealed record PublishedSet(TenantRow Tenant, ProfileSetRow Set, ProfileSetView View)
{
    /// <summary>When the set was published (a set published before the date was stored: its last change).</summary>
    public DateTimeOffset PublishedAt => Set.PublishedAt ?? Set.UpdatedAt;
}
