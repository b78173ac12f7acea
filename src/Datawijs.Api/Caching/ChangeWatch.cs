using System.Collections.Concurrent;
using Datawijs.Data.Changes;
using Microsoft.Extensions.Primitives;

namespace Datawijs.Api.Caching;

/// <summary>
/// What this instance knows of the change counters (one per tenant and kind of cached data, raised with
/// every change by whichever instance made it). <see cref="ApiCache"/> keeps a value that follows a
/// <see cref="CacheTag"/> only while no change of that tag has been seen since the counter was read before
/// the value was loaded: a poll that shows another counter, or a change this instance made itself
/// (<see cref="Changed"/>), expires it at once. A poll is trusted for <see cref="Bound"/> after it began;
/// without a trusted poll nothing is kept or used. So a change made on any instance is seen by every
/// instance at most <see cref="Bound"/> after it was committed, and by the one that made it at once.
/// </summary>
public sealed class ChangeWatch(TimeProvider clock)
{
    /// <summary>The longest a change made elsewhere can go unseen.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<CacheTag, CancellationTokenSource> _expiries = new();
    private readonly Lock _updating = new();
    private volatile Snapshot? _latest;

    // Raised by every change this instance makes: a load that began before one is not kept.
    private long _localChanges;

    /// <summary>Whether the latest poll began less than <see cref="Bound"/> ago, so that what is kept may be used.</summary>
    public bool IsTrusted => Now() is not null;

    /// <summary>Takes a poll's counters; <paramref name="readStartedAt"/> is when the read began.</summary>
    public void Update(IReadOnlyList<ChangeCounter> counters, DateTimeOffset readStartedAt)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var next = new Snapshot(counters, readStartedAt);
        Snapshot? previous;
        lock (_updating)
        {
            previous = _latest;
            if (previous is not null && previous.ReadStartedAt > readStartedAt)
            {
                return;
            }

            _latest = next;
        }

        // Before the first poll nothing was kept; after it, whatever a counter moved under expires.
        if (previous is not null)
        {
            foreach (var tag in next.ChangedSince(previous))
            {
                Expire(tag);
            }
        }
    }

    /// <summary>
    /// This instance changed a tenant's data of a kind (and raised its counter, for the other instances):
    /// what follows it here expires at once.
    /// </summary>
    public void Changed(Guid tenantId, string kind)
    {
        Interlocked.Increment(ref _localChanges);
        Expire(CacheTag.Of(tenantId, kind));
        Expire(CacheTag.AnyTenant(kind));
    }

    /// <summary>Taken before a value is loaded; <see cref="ExpiryFor"/> compares against it after.</summary>
    internal LoadStart BeginLoad() => new(Now(), Interlocked.Read(ref _localChanges));

    /// <summary>
    /// A token that expires with the next change of <paramref name="tag"/>, when none was seen since
    /// <paramref name="start"/>; null when one was (or no poll is trusted): then the value is not kept.
    /// </summary>
    internal IChangeToken? ExpiryFor(LoadStart start, CacheTag tag)
    {
        if (start.Poll is null)
        {
            return null;
        }

        // The source first, the comparison after: a change from here on cancels this very source.
        var source = _expiries.GetOrAdd(tag, _ => new CancellationTokenSource());
        var now = Now();
        return now is null || now.Version(tag) != start.Poll.Version(tag) || Interlocked.Read(ref _localChanges) != start.LocalChanges
            ? null
            : new CancellationChangeToken(source.Token);
    }

    private Snapshot? Now()
    {
        var latest = _latest;
        return latest is not null && clock.GetUtcNow() - latest.ReadStartedAt < Bound ? latest : null;
    }

    private void Expire(CacheTag tag)
    {
        if (_expiries.TryRemove(tag, out var source))
        {
            source.Cancel();
        }
    }

    internal sealed record LoadStart(Snapshot? Poll, long LocalChanges);

    /// <summary>The counters as one poll read them.</summary>
    internal sealed class Snapshot
    {
        private readonly Dictionary<(Guid, string), long> _versions;
        private readonly Dictionary<string, long> _totals;

        public Snapshot(IReadOnlyList<ChangeCounter> counters, DateTimeOffset readStartedAt)
        {
            _versions = counters.ToDictionary(c => (c.TenantId, c.Kind), c => c.Version);
            _totals = counters.GroupBy(c => c.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Version), StringComparer.Ordinal);
            ReadStartedAt = readStartedAt;
        }

        public DateTimeOffset ReadStartedAt { get; }

        /// <summary>The counter of one tenant's kind, or for every tenant their sum (0 before the first change).</summary>
        public long Version(CacheTag tag) =>
            tag.TenantId is { } tenantId ? _versions.GetValueOrDefault((tenantId, tag.Kind)) : _totals.GetValueOrDefault(tag.Kind);

        public IEnumerable<CacheTag> ChangedSince(Snapshot previous)
        {
            foreach (var (tenantId, kind) in _versions.Keys.Union(previous._versions.Keys))
            {
                var tag = CacheTag.Of(tenantId, kind);
                if (Version(tag) != previous.Version(tag))
                {
                    yield return tag;
                }
            }

            foreach (var kind in _totals.Keys.Union(previous._totals.Keys, StringComparer.Ordinal))
            {
                var tag = CacheTag.AnyTenant(kind);
                if (Version(tag) != previous.Version(tag))
                {
                    yield return tag;
                }
            }
        }
    }
}
