namespace Datawijs.Api.Features.Datasets;

/// <summary>Data quality of one feature: missing values and the distribution (never minimum or maximum).</summary>
public sealed class FeatureQualityView
{
    public string Feature { get; init; } = "";

    [Datawijs.Api.OpenApi.WireValues("categorical", "numeric")]
    public string Type { get; init; } = "";

    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected")]
    public string Role { get; init; } = "";

    public QualityCountView Missing { get; init; } = new();

    /// <summary>Categorical: how often each declared value occurs.</summary>
    public IReadOnlyList<QualityValueView> Values { get; init; } = [];

    /// <summary>Numeric: rounded first quartile (null when fewer than 10 values).</summary>
    public double? LowerQuartile { get; init; }

    public double? Median { get; init; }

    public double? UpperQuartile { get; init; }
}
