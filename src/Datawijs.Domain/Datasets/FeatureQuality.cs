namespace Datawijs.Domain.Datasets;

/// <summary>
/// The data quality of one feature: how often it is missing, and its distribution — value frequencies
/// for a categorical feature, rounded median and quartiles for a numeric one (never minimum or maximum).
/// </summary>
public sealed record FeatureQuality(
    string Feature,
    FeatureType Type,
    FeatureRole Role,
    QualityCount Missing,
    IReadOnlyList<QualityValue> Values,
    double? LowerQuartile,
    double? Median,
    double? UpperQuartile);
