namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// One holder at a time per dataset, in this process, in arrival order. A dataset's entry exists only
/// while someone holds or waits for it and is removed when the last one leaves, so a long-running
/// process does not keep a lock for every dataset it ever stored records in.
/// </summary>
public sealed class DatasetLocks
{
    private readonly Dictionary<Guid, Entry> _entries = [];

    /// <summary>Datasets held or waited for now.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits until the dataset is this caller's; dispose the result to hand it on.</summary>
    public async Task<IDisposable> EnterAsync(Guid datasetId, CancellationToken ct)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(datasetId, out entry!))
            {
                entry = new Entry();
                _entries[datasetId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            Leave(datasetId, entry);
            throw;
        }

        return new Holder(this, datasetId, entry);
    }

    private void Leave(Guid datasetId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(datasetId);
                entry.Dispose();
            }
        }
    }

    private sealed class Entry : IDisposable
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Holders and waiters; changed only under the dictionary's lock.</summary>
        public int Users { get; set; }

        public void Dispose() => Gate.Dispose();
    }

    private sealed class Holder(DatasetLocks owner, Guid datasetId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(datasetId, entry);
            }
        }
    }
}
