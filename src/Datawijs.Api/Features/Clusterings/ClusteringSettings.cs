
namespace Datawijs.Api.Features.Clusterings;

/// <summary>Configuration section <c>Clustering</c>.</summary>
public sealed class ClusteringSettings
{
    public const string Section = "Clustering";

    /// <summary>Whether this instance runs clusterings (switch off on instances that only serve requests).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for queued jobs when nobody woke it (a new job wakes it at once).</summary>
    public int PollIntervalMilliseconds { get; set; } = 2000;

    /// <summary>How often a running job writes its progress and checks for cancellation.</summary>
    public int ProgressIntervalMilliseconds { get; set; } = 500;

    /// <summary>Threads one clustering may use; unset = all cores (results are the same either way).</summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>How long a claimed job stays this instance's without a heartbeat; after it another instance takes the job over.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often the instance running a job renews its lease (well under <see cref="LeaseSeconds"/>).</summary>
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>How often a job may be claimed before one whose instance keeps stopping is failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Queued plus running clusterings one tenant may have; beyond it <c>POST</c> answers 429.</summary>
    public int MaxOpenPerTenant { get; set; } = 5;

    /// <summary>One line per setting out of range.</summary>
    public IEnumerable<string> Problems()
    {
        if (LeaseSeconds is < 2 or > 3600)
        {
            yield return $"Clustering:LeaseSeconds must be between 2 and 3600 (got {LeaseSeconds}).";
        }
        else if (HeartbeatSeconds < 1 || HeartbeatSeconds * 2 > LeaseSeconds)
        {
            yield return $"Clustering:HeartbeatSeconds must be at least 1 and at most half of Clustering:LeaseSeconds ({LeaseSeconds}) (got {HeartbeatSeconds}).";
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"Clustering:MaxAttempts must be between 1 and 100 (got {MaxAttempts}).";
        }

        if (MaxOpenPerTenant is < 1 or > 10_000)
        {
            yield return $"Clustering:MaxOpenPerTenant must be between 1 and 10000 (got {MaxOpenPerTenant}).";
        }

        if (PollIntervalMilliseconds is < 10 or > 60_000)
        {
            yield return $"Clustering:PollIntervalMilliseconds must be between 10 and 60000 (got {PollIntervalMilliseconds}).";
        }
    }
}
