namespace Datawijs.Domain.Clustering;

/// <summary>Something the caller should show about the run, with a stable code.</summary>
public sealed record ClusteringNote(string Code, string Message)
{
    /// <summary>k was lowered because a cluster was smaller than the minimum size.</summary>
    public const string KReduced = "kReducedForMinimumClusterSize";

    /// <summary>A k in the requested range was passed over because one of its clusters was too small.</summary>
    public const string KSkipped = "kSkippedForMinimumClusterSize";

    /// <summary>Even one cluster is smaller than the minimum: the result cannot be published.</summary>
    public const string DatasetTooSmall = "datasetTooSmall";

    /// <summary>A restart stopped at the iteration limit instead of converging.</summary>
    public const string NotConverged = "notConverged";

    /// <summary>No numeric clustering features, so gamma has no numeric scale to follow.</summary>
    public const string GammaWithoutNumerics = "gammaWithoutNumerics";
}
