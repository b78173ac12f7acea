namespace Datawijs.Api.Features.Benchmarks.Get;

public sealed class CategoryBenchmarkView
{
    public string CategoryId { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Other tenants' organisations with a score for the category; null when withheld.</summary>
    public int? OrganisationCount { get; init; }

    public bool Withheld { get; init; }

    public QuartileView? Quartiles { get; init; }

    /// <summary>The category's median in each tier, followers first; empty when the category is withheld.</summary>
    public IReadOnlyList<TierMedianView> TierMedians { get; init; } = [];
}
