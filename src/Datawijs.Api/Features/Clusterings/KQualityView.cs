namespace Datawijs.Api.Features.Clusterings;

/// <summary>Quality of the best restart for one k.</summary>
public sealed class KQualityView
{
    public int K { get; init; }

    /// <summary>Sum of dissimilarities to the own prototype (lower is tighter).</summary>
    public double Cost { get; init; }

    /// <summary>Mean silhouette on a seeded sample (-1..1, higher is better); null for k = 1.</summary>
    public double? Silhouette { get; init; }

    /// <summary>Whether every cluster has at least 10 households.</summary>
    public bool MeetsMinimumClusterSize { get; init; }

    public int Iterations { get; init; }
}
