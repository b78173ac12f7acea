namespace Datawijs.Api.Features.Clusterings;

public sealed class ClusteringRequestView
{
    /// <summary>The fixed number of clusters, if one was given.</summary>
    public int? K { get; init; }

    /// <summary>The range k was chosen from (by mean silhouette) when no k was given.</summary>
    public int? KMin { get; init; }

    public int? KMax { get; init; }

    public long Seed { get; init; }

    public int Restarts { get; init; }
}
