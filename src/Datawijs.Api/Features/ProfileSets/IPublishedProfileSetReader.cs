namespace Datawijs.Api.Features.ProfileSets;

/// <summary>
/// Reads the tenant's published profile sets. The seam to the profile sets part: assignments
/// only ever read a published set, they never change one.
/// </summary>
public interface IPublishedProfileSetReader
{
    /// <summary>The tenant's currently published profile set, or null when none is published.</summary>
    Task<PublishedProfileSetModel?> GetCurrentAsync(Guid tenantId, CancellationToken ct);

    /// <summary>
    /// One of the tenant's profile sets that is or was published (an assignment keeps pointing at
    /// the set it was made with), or null when it does not exist or belongs to another tenant.
    /// </summary>
    Task<PublishedProfileSetModel?> FindAsync(Guid tenantId, Guid profileSetId, CancellationToken ct);
}
