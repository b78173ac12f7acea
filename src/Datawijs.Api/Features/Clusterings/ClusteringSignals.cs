using System.Collections.Concurrent;

namespace Datawijs.Api.Features.Clusterings;

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
