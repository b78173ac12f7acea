namespace Datawijs.Domain.Maturity;

/// <summary>
/// How many peers a figure needs: at least <see cref="MinimumOrganisations"/> organisations of
/// other tenants than the viewer's own, belonging to at least <see cref="MinimumTenants"/> of them.
/// Neither can be set below its floor (5 and 3).
/// </summary>
public sealed record PeerThresholds
{
    public const int OrganisationsFloor = 5;
    public const int TenantsFloor = 3;

    public static PeerThresholds Default { get; } = new(OrganisationsFloor, TenantsFloor);

    public PeerThresholds(int minimumOrganisations, int minimumTenants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumOrganisations, OrganisationsFloor);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumTenants, TenantsFloor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumTenants, minimumOrganisations);
        MinimumOrganisations = minimumOrganisations;
        MinimumTenants = minimumTenants;
    }

    public int MinimumOrganisations { get; }

    public int MinimumTenants { get; }

    /// <summary>True when these peers (all of other tenants) are too few to show a figure over them.</summary>
    public bool TooFew(IReadOnlyCollection<PeerScan> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        return peers.Count < MinimumOrganisations
            || peers.Select(p => p.Organisation.Owner).Distinct(StringComparer.Ordinal).Take(MinimumTenants).Count() < MinimumTenants;
    }
}
