namespace Datawijs.Data.ProfileSets;

public sealed class ProfileRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid ProfileSetId { get; init; }

    /// <summary>The cluster of the clustering this profile describes (0-based).</summary>
    public int Cluster { get; init; }

    public string? NameNl { get; init; }

    public string? NameEn { get; init; }

    public string? DescriptionNl { get; init; }

    public string? DescriptionEn { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
