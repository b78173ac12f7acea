using System.Collections.Concurrent;

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
}

/// <summary>Wakes the worker when a job is queued, and cancels a running job at once when asked.</summary>
public sealed class ClusteringSignals : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public void JobQueued() => _queued.Release();

    public void Dispose() => _queued.Dispose();

    public Task<bool> WaitForJobAsync(TimeSpan timeout, CancellationToken ct) => _queued.WaitAsync(timeout, ct);

    internal void Register(Guid id, CancellationTokenSource cancellation) => _running[id] = cancellation;

    internal void Unregister(Guid id) => _running.TryRemove(id, out _);

    /// <summary>Cancels the job if it runs in this process (others notice the database flag).</summary>
    public void Cancel(Guid id)
    {
        if (_running.TryGetValue(id, out var cancellation))
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It just finished.
            }
        }
    }
}
