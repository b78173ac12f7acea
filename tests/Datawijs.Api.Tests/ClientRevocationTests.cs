using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Datawijs.Api.Auth;
using Datawijs.Data.Tenants;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests;

/// <summary>A revoked client is refused at once without the client cache, and within Auth:ClientCacheSeconds with it.</summary>
public sealed class ClientRevocationTests
{
    private static async Task<HttpStatusCode> StatusAsync(TestApiHost host, string token)
    {
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<(TestApiHost Host, string Token, TenantRepository Tenants, string ClientId)> StartAsync(int cacheSeconds)
    {
        var host = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["Auth:ClientCacheSeconds"] = cacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = await host.AddClientAsync("gemeente-r");
        var token = ZgwToken.Create(client.ClientId, client.Secret, DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, token));
        return (host, token, host.Services.GetRequiredService<TenantRepository>(), client.ClientId);
    }

    [Fact]
    public async Task Without_the_cache_a_revoked_client_gets_401_at_once()
    {
        var (host, token, tenants, clientId) = await StartAsync(cacheSeconds: 0);
        await using var _ = host;

        await tenants.RevokeClientAsync(clientId, DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, token));
    }

    [Fact]
    public async Task With_the_cache_a_revoked_client_gets_401_within_the_cache_time()
    {
        var (host, token, tenants, clientId) = await StartAsync(cacheSeconds: 1);
        await using var _ = host;

        await tenants.RevokeClientAsync(clientId, DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        var status = await StatusAsync(host, token);
        while (status != HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            status = await StatusAsync(host, token);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Refused only after {clock.Elapsed}.");
    }
}
