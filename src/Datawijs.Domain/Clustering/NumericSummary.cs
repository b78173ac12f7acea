using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>Median of a numeric feature in a profile and in the whole dataset, over non-missing values (NaN when there are none).</summary>
public sealed record NumericSummary(int FeatureIndex, string Feature, FeatureRole Role, int CountInProfile, double MedianInProfile, int CountInPopulation, double MedianInPopulation);
