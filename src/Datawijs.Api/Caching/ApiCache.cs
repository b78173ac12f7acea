using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Datawijs.Api.Caching;

/// <summary>
/// What this instance keeps in memory, in one cache with one size limit, so a busy read costs no database
/// round trip. Two kinds of values:
/// <list type="bullet">
/// <item>Values that never change once stored (a completed scan, a published set by id, a verified token):
/// <see cref="Keep"/> and <see cref="TryGet"/>; kept until space is needed.</item>
/// <item>Values that follow a tenant's data (<see cref="CacheTag"/>): <see cref="GetOrLoadAsync"/>; kept
/// at most for the time given and only until <see cref="ChangeWatch"/> sees a change of their tag, the one
/// way they are invalidated, whether the change was made here or on another instance.</item>
/// </list>
/// Keys are records private to the class that keeps them, so two classes never share an entry.
/// When the limit is reached the least recently used entries go first.
/// </summary>
public sealed class ApiCache(ChangeWatch watch, TimeProvider clock) : IDisposable
{
    /// <summary>Entries kept at most (a long token counts as more than one).</summary>
    public const long SizeLimit = 50_000;

    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = SizeLimit, CompactionPercentage = 0.1 });

    // Loads in progress, so that requests missing the same key at once wait for one read.
    private readonly ConcurrentDictionary<object, object> _loading = new();

    public bool TryGet<T>(object key, [MaybeNullWhen(false)] out T value)
    {
        if (_memory.TryGetValue(key, out var kept) && kept is Stored<T> stored)
        {
            value = stored.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Keeps a value that never changes; <paramref name="size"/> is its weight against <see cref="SizeLimit"/>.</summary>
    public void Keep<T>(object key, T value, long size = 1) =>
        _memory.Set(key, new Stored<T>(value), new MemoryCacheEntryOptions { Size = size });

    public void Forget(object key) => _memory.Remove(key);

    /// <summary>
    /// The value kept under <paramref name="key"/>, when its tag has not changed and it is younger than
    /// <paramref name="keepFor"/>; else loaded (one load for every request that misses at once) and kept
    /// under the tag <paramref name="tagOf"/> names, when it names one (null: do not keep, e.g. not found).
    /// A load during which the tag changed is returned but not kept. <paramref name="keepFor"/> zero keeps nothing.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(object key, TimeSpan keepFor, Func<CancellationToken, Task<T>> load, Func<T, CacheTag?> tagOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(tagOf);
        if (keepFor <= TimeSpan.Zero)
        {
            return await load(ct);
        }

        if (watch.IsTrusted && _memory.TryGetValue(key, out var kept) && kept is Followed<T> followed && followed.Until > clock.GetUtcNow())
        {
            return followed.Value;
        }

        Lazy<Task<T>>? mine = null;
        mine = new Lazy<Task<T>>(() => LoadAndKeepAsync(key, mine!, keepFor, load, tagOf));
        var shared = (Lazy<Task<T>>)_loading.GetOrAdd(key, mine);
        return await shared.Value.WaitAsync(ct);
    }

    public void Dispose() => _memory.Dispose();

    // Shared by every waiting request, so not tied to the first one's cancellation.
    private async Task<T> LoadAndKeepAsync<T>(object key, Lazy<Task<T>> self, TimeSpan keepFor, Func<CancellationToken, Task<T>> load, Func<T, CacheTag?> tagOf)
    {
        try
        {
            await Task.Yield();
            var start = watch.BeginLoad();
            var until = clock.GetUtcNow() + keepFor;
            var value = await load(CancellationToken.None);
            if (tagOf(value) is { } tag && watch.ExpiryFor(start, tag) is { } expiry)
            {
                _memory.Set(key, new Followed<T>(value, until), new MemoryCacheEntryOptions { Size = 1 }.AddExpirationToken(expiry));
            }
            else
            {
                _memory.Remove(key);
            }

            return value;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<object, object>(key, self));
        }
    }

    private sealed record Stored<T>(T Value);

    private sealed record Followed<T>(T Value, DateTimeOffset Until);
}
