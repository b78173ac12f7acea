using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>The distribution of one categorical feature in one profile (every declared value, plus unknown if any value is missing in the dataset).</summary>
public sealed record CategoryDistribution(int FeatureIndex, string Feature, FeatureRole Role, IReadOnlyList<CategoryCell> Cells);
