namespace Datawijs.Api.Caching;

/// <summary>
/// What a cached value follows: one tenant's data of a kind (<see cref="Data.Changes.ChangeKinds"/>), or
/// that kind of every tenant's data (<see cref="TenantId"/> null), such as the peers of a benchmark.
/// </summary>
public readonly record struct CacheTag(Guid? TenantId, string Kind)
{
    public static CacheTag Of(Guid tenantId, string kind) => new(tenantId, kind);

    public static CacheTag AnyTenant(string kind) => new(null, kind);
}
