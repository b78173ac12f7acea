using Datawijs.Api.Caching;
using Datawijs.Api.Tests.Hardening;
using Datawijs.Data.Changes;

namespace Datawijs.Api.Tests.Caching;

/// <summary>What the one cache keeps, and the one way what it keeps is invalidated: the change counters.</summary>
public sealed class ApiCacheTests : IDisposable
{
    private static readonly Guid Tenant = Guid.CreateVersion7();
    private static readonly Guid OtherTenant = Guid.CreateVersion7();
    private static readonly TimeSpan Minutes = TimeSpan.FromMinutes(5);

    private readonly ShiftedClock _clock = new();
    private readonly ChangeWatch _watch;
    private readonly ApiCache _cache;
    private int _loads;

    public ApiCacheTests()
    {
        _watch = new ChangeWatch(_clock);
        _cache = new ApiCache(_watch, _clock);
    }

    [Fact]
    public async Task A_value_is_kept_until_a_poll_shows_its_tenants_counter_changed()
    {
        Poll((Tenant, 1));
        Assert.Equal(1, await ReadAsync());
        Assert.Equal(1, await ReadAsync());

        Poll((Tenant, 2));

        Assert.Equal(2, await ReadAsync());
    }

    [Fact]
    public async Task Another_tenants_change_leaves_the_value_kept()
    {
        Poll((Tenant, 1), (OtherTenant, 1));
        Assert.Equal(1, await ReadAsync());

        Poll((Tenant, 1), (OtherTenant, 2));

        Assert.Equal(1, await ReadAsync());
    }

    [Fact]
    public async Task A_value_of_every_tenant_expires_with_any_tenants_change()
    {
        Poll((Tenant, 1));
        Assert.Equal(1, await ReadAsync(CacheTag.AnyTenant(ChangeKinds.Peers)));

        Poll((Tenant, 1), (OtherTenant, 1));

        Assert.Equal(2, await ReadAsync(CacheTag.AnyTenant(ChangeKinds.Peers)));
    }

    [Fact]
    public async Task A_change_made_here_expires_the_value_at_once_without_waiting_for_a_poll()
    {
        Poll((Tenant, 1));
        Assert.Equal(1, await ReadAsync());

        _watch.Changed(Tenant, ChangeKinds.Peers);

        Assert.Equal(2, await ReadAsync());
    }

    [Fact]
    public async Task A_value_loaded_while_a_change_was_made_is_returned_but_not_kept()
    {
        Poll((Tenant, 1));
        var during = await _cache.GetOrLoadAsync(new Key("k"), Minutes, _ =>
        {
            _watch.Changed(Tenant, ChangeKinds.Peers);
            return Task.FromResult(++_loads);
        }, _ => CacheTag.Of(Tenant, ChangeKinds.Peers), CancellationToken.None);

        Assert.Equal(1, during);
        Assert.Equal(2, await ReadAsync());
        Assert.Equal(2, await ReadAsync());
    }

    [Fact]
    public async Task Nothing_is_kept_before_the_first_poll_nor_once_the_latest_is_older_than_the_bound()
    {
        Assert.Equal(1, await ReadAsync());
        Assert.Equal(2, await ReadAsync());

        Poll((Tenant, 1));
        Assert.Equal(3, await ReadAsync());
        Assert.Equal(3, await ReadAsync());

        _clock.Shift += ChangeWatch.Bound;

        Assert.Equal(4, await ReadAsync());
    }

    [Fact]
    public async Task A_value_is_loaded_again_once_older_than_its_time()
    {
        Poll((Tenant, 1));
        Assert.Equal(1, await _cache.GetOrLoadAsync(new Key("k"), TimeSpan.FromSeconds(1), _ => Task.FromResult(++_loads), _ => CacheTag.Of(Tenant, ChangeKinds.Peers), CancellationToken.None));

        _clock.Shift += TimeSpan.FromSeconds(1);
        Poll((Tenant, 1));

        Assert.Equal(2, await _cache.GetOrLoadAsync(new Key("k"), TimeSpan.FromSeconds(1), _ => Task.FromResult(++_loads), _ => CacheTag.Of(Tenant, ChangeKinds.Peers), CancellationToken.None));
    }

    [Fact]
    public async Task Requests_that_miss_at_once_wait_for_one_load()
    {
        Poll((Tenant, 1));
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<CancellationToken, Task<int>> load = _ =>
        {
            Interlocked.Increment(ref _loads);
            return release.Task;
        };

        var first = _cache.GetOrLoadAsync(new Key("k"), Minutes, load, _ => CacheTag.Of(Tenant, ChangeKinds.Peers), CancellationToken.None);
        var second = _cache.GetOrLoadAsync(new Key("k"), Minutes, load, _ => CacheTag.Of(Tenant, ChangeKinds.Peers), CancellationToken.None);
        release.SetResult(42);

        Assert.All(await Task.WhenAll(first, second), value => Assert.Equal(42, value));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public void A_kept_value_that_never_changes_is_found_by_its_key_only()
    {
        _cache.Keep(new Key("scan"), "kept");

        Assert.True(_cache.TryGet<string>(new Key("scan"), out var found));
        Assert.Equal("kept", found);
        Assert.False(_cache.TryGet<string>(new Key("other"), out _));
        Assert.False(_cache.TryGet<int>(new Key("scan"), out _));
    }

    public void Dispose() => _cache.Dispose();

    private Task<int> ReadAsync(CacheTag? tag = null) =>
        _cache.GetOrLoadAsync(new Key("k"), Minutes, _ => Task.FromResult(++_loads), _ => tag ?? CacheTag.Of(Tenant, ChangeKinds.Peers), CancellationToken.None);

    private void Poll(params (Guid Tenant, long Version)[] counters) =>
        _watch.Update(counters.Select(c => new ChangeCounter(c.Tenant, ChangeKinds.Peers, c.Version)).ToList(), _clock.GetUtcNow());

    private sealed record Key(string Name);
}
