using System.Net;
using System.Net.Http.Headers;
using Datawijs.Api.Auth;
using Datawijs.Api.Tests.Hardening;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests;

/// <summary>A token remembered as verified is still checked for its age on every request.</summary>
public sealed class VerifiedTokenTests
{
    [Fact]
    public async Task A_remembered_token_is_refused_once_it_is_too_old()
    {
        var clock = new ShiftedClock();
        await using var host = await TestApiHost.StartAsync(
            new Dictionary<string, string?> { ["Auth:ClientCacheSeconds"] = "300", ["Auth:TokenMaxAgeSeconds"] = "60" },
            services => services.AddSingleton<TimeProvider>(clock));
        var client = await host.AddClientAsync("gemeente-t");
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ZgwToken.Create(client.ClientId, client.Secret, clock.GetUtcNow()));
        var organisations = new Uri("/api/v1/organisations", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(organisations)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(organisations)).StatusCode);

        clock.Shift = TimeSpan.FromSeconds(61);

        using var refused = await http.GetAsync(organisations);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
