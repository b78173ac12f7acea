using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>The stored result of a finished clustering (no exact cluster sizes leave the server).</summary>
public sealed record ClusteringOutcome(
    int K,
    int? RequestedK,
    double Cost,
    double Gamma,
    int Iterations,
    int Households,
    bool MeetsMinimumClusterSize,
    IReadOnlyList<KQuality> QualityPerK,
    IReadOnlyList<ClusteringNote> Notes,
    long LoadMilliseconds,
    long FitMilliseconds,
    long DescribeMilliseconds);
