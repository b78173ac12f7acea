namespace Datawijs.Data.ProfileSets;

/// <summary>
/// Says that a tenant's published profile set may have changed in this process: a set was published or
/// retired, or a dataset was deleted (its profile sets go with it). The repositories raise it themselves,
/// once the change is committed, so a cache of which set is current cannot miss a path that changes it.
/// Other processes on the same database do not hear it; their caches must expire by themselves.
/// </summary>
public sealed class PublishedProfileSetChanges
{
    /// <summary>Raised with the tenant's id, on the thread that committed the change.</summary>
    public event Action<Guid>? Changed;

    internal void Raise(Guid tenantId) => Changed?.Invoke(tenantId);
}
