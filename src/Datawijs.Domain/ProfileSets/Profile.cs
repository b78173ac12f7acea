namespace Datawijs.Domain.ProfileSets;

/// <summary>One profile of a set: the cluster it describes, and the names and descriptions people read (null until written).</summary>
public sealed record Profile(Guid Id, int Cluster, string? NameNl, string? NameEn, string? DescriptionNl, string? DescriptionEn)
{
    /// <summary>1, 2, 3... in the order of the clustering: how people refer to the profile.</summary>
    public int Number => Cluster + 1;

    /// <summary>Named in Dutch and in English.</summary>
    public bool IsNamed => !string.IsNullOrWhiteSpace(NameNl) && !string.IsNullOrWhiteSpace(NameEn);

    /// <summary>Described in Dutch (B1) and in English.</summary>
    public bool IsDescribed => !string.IsNullOrWhiteSpace(DescriptionNl) && !string.IsNullOrWhiteSpace(DescriptionEn);
}
