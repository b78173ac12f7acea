namespace Datawijs.Api.Features.Clusterings;

public sealed class ClusteringTimings
{
    public long? LoadMilliseconds { get; init; }

    public long? FitMilliseconds { get; init; }

    public long? DescribeMilliseconds { get; init; }
}
