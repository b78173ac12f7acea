namespace Datawijs.Domain.Clustering;

/// <summary>
/// A cluster's prototype. Numerics in the order of <see cref="ClusterModel.Numerics"/> (raw units and
/// standardised); categorical modes in the order of <see cref="ClusterModel.Categoricals"/> (codes and values).
/// </summary>
public sealed record Centroid(
    int Index,
    int Size,
    IReadOnlyList<double> NumericRaw,
    IReadOnlyList<double> NumericStandardised,
    IReadOnlyList<int> CategoryCodes,
    IReadOnlyList<string> CategoryValues);
