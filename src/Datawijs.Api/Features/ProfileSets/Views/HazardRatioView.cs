namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>
/// One hazard ratio of the Cox model (Efron ties) over the clustering features, all in one model. Categorical:
/// value against reference (the most frequent value). Numeric: per one standard deviation (perStandardDeviation,
/// in the feature's unit). Above 1: leaves sooner. Figures are null when the column could not be estimated
/// (a combination of other columns).
/// </summary>
public sealed class HazardRatioView
{
    public string Feature { get; init; } = "";

    public string? Value { get; init; }

    public string? Reference { get; init; }

    public double? PerStandardDeviation { get; init; }

    public double? HazardRatio { get; init; }

    /// <summary>Wald 95 % interval.</summary>
    public double? Lower { get; init; }

    public double? Upper { get; init; }

    /// <summary>Two-sided Wald p-value.</summary>
    public double? PValue { get; init; }
}
