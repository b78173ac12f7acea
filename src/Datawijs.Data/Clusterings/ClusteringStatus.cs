namespace Datawijs.Data.Clusterings;

/// <summary>Job states of a clustering.</summary>
public static class ClusteringStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
