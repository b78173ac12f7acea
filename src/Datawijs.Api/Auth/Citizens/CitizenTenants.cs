using Datawijs.Api.Caching;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Auth.Citizens;

/// <summary>The tenants that brokers serve, by slug; found ones are kept (a tenant is never removed).</summary>
public sealed class CitizenTenants(TenantRepository tenants, ApiCache cache)
{
    public async Task<TenantRow?> FindAsync(string slug, CancellationToken ct)
    {
        var key = new SlugKey(slug);
        if (cache.TryGet<TenantRow>(key, out var known))
        {
            return known;
        }

        var tenant = await tenants.FindBySlugAsync(slug, ct);
        if (tenant is not null)
        {
            cache.Keep(key, tenant);
        }

        return tenant;
    }

    private sealed record SlugKey(string Slug);
}
