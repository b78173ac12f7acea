namespace Datawijs.Domain.Clustering;

/// <summary>A categorical clustering feature and its values (code c = Values[c]).</summary>
public sealed record CategoricalClusteringFeature(int FeatureIndex, string Feature, IReadOnlyList<string> Values);
