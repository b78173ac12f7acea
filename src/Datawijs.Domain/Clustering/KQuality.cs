namespace Datawijs.Domain.Clustering;

/// <summary>
/// Quality of the best restart for one k: total cost (sum of dissimilarities to the own prototype),
/// mean silhouette on the seeded sample (null for k = 1), and whether every cluster has at least
/// the minimum number of households.
/// </summary>
public sealed record KQuality(
    int K,
    double Cost,
    double? Silhouette,
    int SmallestClusterSize,
    bool MeetsMinimumClusterSize,
    int Iterations,
    int BestRestart);
