using Datawijs.Api.Hosting;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests;

public sealed class HostFixture : IAsyncLifetime
{
    public TestApiHost Host { get; private set; } = null!;

    public IssuedClient AllScopes { get; private set; } = null!;

    public IssuedClient ReadOnly { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await TestApiHost.StartAsync();
        AllScopes = await Host.AddClientAsync("gemeente-a");
        ReadOnly = await Host.AddClientAsync("gemeente-a", "scans:read");
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
