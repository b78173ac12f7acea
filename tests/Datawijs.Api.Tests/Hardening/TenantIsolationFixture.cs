using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>The API with two tenants: the owner, with one resource of every kind, and a stranger with nothing.</summary>
public sealed class TenantIsolationFixture : IAsyncLifetime
{
    private HttpClient? _http;

    public TestApiHost Host { get; private set; } = null!;

    public HttpClient Http => _http!;

    public TenantCaller Stranger { get; private set; } = null!;

    public Guid StrangerTenant { get; private set; }

    public IsolationWorld World { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await TestApiHost.StartAsync();
        _http = Host.CreateHttpClient();
        var owner = new TenantCaller(_http, await Host.AddClientAsync("isolatie-a"), Host.Broker);
        Stranger = new TenantCaller(_http, await Host.AddClientAsync("isolatie-b"), Host.Broker);
        StrangerTenant = (await Host.FindTenantAsync(Stranger.Slug))!.Id;
        World = await IsolationWorld.BuildAsync(owner, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await Host.DisposeAsync();
    }
}
