namespace Datawijs.Api.Features.Clusterings;

public sealed class ClusteringNoteView
{
    /// <summary>kReducedForMinimumClusterSize, kSkippedForMinimumClusterSize, datasetTooSmall, notConverged or gammaWithoutNumerics.</summary>
    [Datawijs.Api.OpenApi.WireValues("kReducedForMinimumClusterSize", "kSkippedForMinimumClusterSize", "datasetTooSmall", "notConverged", "gammaWithoutNumerics")]
    public string Code { get; init; } = "";

    public string Message { get; init; } = "";
}
