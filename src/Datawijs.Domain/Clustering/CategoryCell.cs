namespace Datawijs.Domain.Clustering;

/// <summary>
/// One value of a categorical feature in one profile compared with the whole dataset. Shares are of
/// all households (the "unknown" cell, <see cref="Value"/> = null, holds those with a missing value).
/// <see cref="ZScore"/>/<see cref="PValue"/>: two-proportion z-test of this profile against the rest of
/// the dataset (pooled standard error, two-sided p). <see cref="RelativelyMoreFrequent"/>: lift &gt; 1 and
/// p &lt; alpha. Exact counts: internal, never published except through the disclosure gate.
/// </summary>
public sealed record CategoryCell(
    string? Value,
    int CountInProfile,
    int ProfileTotal,
    int CountInPopulation,
    int PopulationTotal,
    double ShareInProfile,
    double ShareInPopulation,
    double Lift,
    double ZScore,
    double PValue,
    bool RelativelyMoreFrequent);
