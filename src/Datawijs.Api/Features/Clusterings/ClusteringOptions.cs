using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>What was asked for: a fixed k, or a range to choose k from by silhouette.</summary>
public sealed record ClusteringOptions(int? K, int? KMin, int? KMax, long Seed, int Restarts)
{
    public const long DefaultSeed = 20240501;
    public const int DefaultRestarts = 5;
    public const int DefaultKMin = 2;
    public const int DefaultKMax = 8;

    public KPrototypesOptions ToDomain(int? maxDegreeOfParallelism) => new()
    {
        K = K,
        KMin = K is null ? KMin ?? DefaultKMin : DefaultKMin,
        KMax = K is null ? KMax ?? Math.Max(DefaultKMax, KMin ?? DefaultKMin) : DefaultKMax,
        Seed = Seed,
        Restarts = Restarts,
        MaxDegreeOfParallelism = maxDegreeOfParallelism,
    };
}
