using Datawijs.Api.Admin;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests;

public sealed class HostFixture : IAsyncLifetime
{
    public TestApiHost Host { get; private set; } = null!;

    public IssuedClient AllScopes { get; private set; } = null!;

    public IssuedClient ReadOnly { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // A one-second client cache, so revocation tests wait briefly while still going through the cache.
        Host = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["Auth:ClientCacheSeconds"] = "1" });
        AllScopes = await Host.AddClientAsync("gemeente-a");
        ReadOnly = await Host.AddClientAsync("gemeente-a", "scans:read");
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
