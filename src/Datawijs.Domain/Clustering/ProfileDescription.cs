namespace Datawijs.Domain.Clustering;

/// <summary>
/// One cluster described against the whole dataset. <see cref="Categorical"/> and <see cref="Numeric"/>
/// hold clustering and descriptive features; <see cref="Protected"/> and <see cref="ProtectedNumeric"/> the
/// protected ones, reported only to check that profiles do not reinforce existing inequality.
/// </summary>
public sealed record ProfileDescription(
    int Cluster,
    int Households,
    IReadOnlyList<CategoryDistribution> Categorical,
    IReadOnlyList<NumericSummary> Numeric,
    IReadOnlyList<CategoryDistribution> Protected,
    IReadOnlyList<NumericSummary> ProtectedNumeric,
    IReadOnlyList<Highlight> RelativelyMoreFrequent);
