namespace Datawijs.Domain.Maturity;

/// <summary>
/// The median category score of the peers in one tier; <see cref="Median"/> and <see cref="OrganisationCount"/>
/// are null when the tier's organisations that scored the category are too few (the same thresholds as the group).
/// </summary>
public sealed record TierMedian(PeerTier Tier, int? OrganisationCount, double? Median)
{
    public bool Withheld => Median is null;
}
