namespace Datawijs.Api.Configuration;

public sealed class BenchmarkSettings
{
    public const string Section = "Benchmarks";

    /// <summary>Organisations of other tenants a peer figure needs; at least 5.</summary>
    public int MinimumOrganisations { get; set; } = Domain.Maturity.PeerThresholds.OrganisationsFloor;

    /// <summary>Other tenants those organisations must belong to; at least 3, at most MinimumOrganisations.</summary>
    public int MinimumTenants { get; set; } = Domain.Maturity.PeerThresholds.TenantsFloor;

    public Domain.Maturity.PeerThresholds Thresholds() => new(MinimumOrganisations, MinimumTenants);
}
