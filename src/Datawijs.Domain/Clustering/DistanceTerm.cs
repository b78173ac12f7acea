using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// One feature's exact part of a distance. For numerics: (z_row − z_centroid)²; for categoricals:
/// Gamma if the values differ, else 0. A missing value contributes 0 and is flagged.
/// </summary>
public sealed record DistanceTerm(int FeatureIndex, string Feature, FeatureType Type, double Contribution, bool Missing);
