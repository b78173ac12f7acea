using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>The data-quality report of a dataset, under the disclosure rules (counts below 10 suppressed, counts rounded to 5).</summary>
public sealed class DataQuality
{
    /// <summary>Households, rounded to 5 (null below 10).</summary>
    public int? Households { get; init; }

    public IReadOnlyList<FeatureQualityView> Features { get; init; } = [];

    public static DataQuality From(DataQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DataQuality
        {
            Households = report.Households,
            Features = report.Features.Select(f => new FeatureQualityView
            {
                Feature = f.Feature,
                Type = FeatureNames.Of(f.Type),
                Role = FeatureNames.Of(f.Role),
                Missing = QualityCountView.From(f.Missing),
                Values = f.Values.Select(v => new QualityValueView { Value = v.Value, Count = QualityCountView.From(v.Count) }).ToList(),
                LowerQuartile = f.LowerQuartile,
                Median = f.Median,
                UpperQuartile = f.UpperQuartile,
            }).ToList(),
        };
    }
}
