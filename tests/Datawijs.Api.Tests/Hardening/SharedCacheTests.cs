using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Datawijs.Api.Caching;
using Datawijs.Data.Tenants;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// Two API hosts on one database file: a change made through one is seen by the other within
/// <see cref="ChangeWatch.Bound"/>, however long the other's cache would otherwise keep it.
/// </summary>
public sealed class SharedCacheTests
{
    [Fact]
    public async Task A_client_revoked_on_one_instance_is_refused_by_another_within_the_bound_though_it_would_cache_it_for_minutes()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = await TestApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Pseudonymisation:MasterKey"] = key,
            ["Auth:ClientCacheSeconds"] = "300",
        });
        await using var second = await TestApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Pseudonymisation:MasterKey"] = key,
            ["Database:ConnectionString"] = $"Data Source={first.DatabasePath}",
            ["Auth:ClientCacheSeconds"] = "300",
        });
        var issued = await first.AddClientAsync("gedeeld");
        using var viaSecond = second.CreateHttpClient(issued);
        var organisations = new Uri("/api/v1/organisations", UriKind.Relative);

        // The second instance knows the client and keeps it (as it would for 300 s).
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync(organisations, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync(organisations, TestContext.Current.CancellationToken)).StatusCode);

        Assert.True(await first.Services.GetRequiredService<TenantRepository>().RevokeClientAsync(issued.ClientId, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));
        var revoked = Stopwatch.StartNew();
        var firstRefusal = TimeSpan.Zero;
        while (revoked.Elapsed < ChangeWatch.Bound)
        {
            var sentAt = revoked.Elapsed;
            using var response = await viaSecond.GetAsync(organisations, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                firstRefusal = sentAt;
                break;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        // Every request from the bound on is refused.
        await Task.Delay(ChangeWatch.Bound - revoked.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viaSecond.GetAsync(organisations, TestContext.Current.CancellationToken)).StatusCode);
        TestContext.Current.TestOutputHelper?.WriteLine($"first refusal on the other instance {firstRefusal.TotalMilliseconds:F0} ms after the revocation");
    }
}
