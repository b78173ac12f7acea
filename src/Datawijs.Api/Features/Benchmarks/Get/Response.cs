using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.OpenApi;

namespace Datawijs.Api.Features.Benchmarks.Get;

/// <summary>An anonymised peer benchmark over other tenants' organisations; every figure (and the count) is null when withheld.</summary>
[SchemaName("Benchmark")]
public sealed class Response
{
    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public PeerGroupView Group { get; init; } = new();

    /// <summary>
    /// Other tenants' organisations in the group with a completed scan of the model (latest scan each);
    /// null when withheld, so a withheld group says only that it has fewer than the threshold.
    /// </summary>
    public int? OrganisationCount { get; init; }

    /// <summary>Organisations of other tenants a figure needs (setting Benchmarks:MinimumOrganisations, at least 5).</summary>
    public int MinimumGroupSize { get; init; }

    /// <summary>Other tenants those organisations must belong to (setting Benchmarks:MinimumTenants, at least 3).</summary>
    public int MinimumTenantCount { get; init; }

    public bool Withheld { get; init; }

    public string? WithheldReason { get; init; }

    /// <summary>Followers (Volgers) score below the lower tertile, leaders (Voorlopers) above the upper one; rounded to 0.1.</summary>
    public TierCutOffs? Tiers { get; init; }

    public QuartileView? Overall { get; init; }

    /// <summary>Per category; empty when the group is withheld.</summary>
    public IReadOnlyList<CategoryBenchmarkView> Categories { get; init; } = [];
}
