using Datawijs.Data.Changes;

namespace Datawijs.Api.Caching;

/// <summary>Configuration section <c>Caches</c>.</summary>
public sealed class CacheSettings
{
    public const string Section = "Caches";

    /// <summary>How often each instance reads the change counters; well under <see cref="ChangeWatch.Bound"/>.</summary>
    public int PollMilliseconds { get; set; } = 500;

    public IEnumerable<string> Problems()
    {
        if (PollMilliseconds is < 50 or > 1000)
        {
            yield return $"Caches:PollMilliseconds must be between 50 and 1000 (got {PollMilliseconds}).";
        }
    }
}

/// <summary>
/// What this instance knows of the change counters (one per tenant and kind of cached data, raised with
/// every change by whichever instance made it). A cache tags what it keeps with the counter it read
/// before loading it and uses it only while the latest poll still shows that value. A poll is trusted for
/// <see cref="Bound"/> after it began; without a trusted poll nothing is kept. So a change made on any
/// instance is seen by every instance at most <see cref="Bound"/> after it was committed.
/// </summary>
public sealed class ChangeWatch(TimeProvider clock)
{
    /// <summary>The longest a change made elsewhere can go unseen.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private volatile Snapshot? _latest;

    /// <summary>The latest poll, when it began less than <see cref="Bound"/> ago; else null (keep nothing).</summary>
    public Snapshot? Now()
    {
        var latest = _latest;
        return latest is not null && clock.GetUtcNow() - latest.ReadStartedAt < Bound ? latest : null;
    }

    /// <summary>Takes a poll's counters; <paramref name="readStartedAt"/> is when the read began.</summary>
    public void Update(IReadOnlyList<ChangeCounter> counters, DateTimeOffset readStartedAt)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var versions = counters.ToDictionary(c => (c.TenantId, c.Kind), c => c.Version);
        var totals = counters.GroupBy(c => c.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Version), StringComparer.Ordinal);
        var previous = _latest;
        if (previous is null || previous.ReadStartedAt <= readStartedAt)
        {
            _latest = new Snapshot(versions, totals, readStartedAt);
        }
    }

    /// <summary>The counters as one poll read them.</summary>
    public sealed class Snapshot
    {
        private readonly Dictionary<(Guid, string), long> _versions;
        private readonly Dictionary<string, long> _totals;

        internal Snapshot(Dictionary<(Guid, string), long> versions, Dictionary<string, long> totals, DateTimeOffset readStartedAt)
        {
            _versions = versions;
            _totals = totals;
            ReadStartedAt = readStartedAt;
        }

        public DateTimeOffset ReadStartedAt { get; }

        /// <summary>The counter of one tenant's kind (0 before its first change).</summary>
        public long Version(Guid tenantId, string kind) => _versions.GetValueOrDefault((tenantId, kind));

        /// <summary>The sum over every tenant: changes whenever any tenant's counter of the kind does.</summary>
        public long Total(string kind) => _totals.GetValueOrDefault(kind);
    }
}

/// <summary>Polls the change counters every <see cref="CacheSettings.PollMilliseconds"/>.</summary>
public sealed class ChangeWatchPoller(ChangeCounterRepository counters, ChangeWatch watch, CacheSettings settings, TimeProvider clock, ILogger<ChangeWatchPoller> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var every = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = clock.GetUtcNow();
                watch.Update(await counters.ReadAllAsync(stoppingToken), started);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Until a poll succeeds again the caches keep nothing; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogDebug(ex, "The change counters were not read this time.");
            }

            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
