using System.Net;
using Datawijs.Api.Demo;
using Datawijs.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

public sealed class DemoProfileTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Demo_profiles_are_published_once_from_synthetic_households_and_recover_the_planted_groups()
    {
        var slug = ApiFixture.NewTenant();
        var client = await api.ClientAsync(slug);
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        var demo = api.Host.Services.GetRequiredService<DemoProfiles>();

        Assert.True(await demo.EnsureAsync(tenant.Id));
        Assert.False(await demo.EnsureAsync(tenant.Id));

        var published = await client.PublicProfiles.GetPublicProfileSetAsync(slug);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var profiles = published.Content!.View.Profiles;
        Assert.Equal(5, profiles.Count);
        Assert.Equal(5, profiles.Select(p => p.Name.Nl).Distinct().Count());
        Assert.Contains(profiles, p => p.Name.Nl == "Jonge alleenstaande ouders in de bijstand");
        Assert.All(profiles, p => Assert.False(string.IsNullOrEmpty(p.Description.En)));
        Assert.Equal(1000, published.Content.View.Method.Households);
        Assert.Single((await client.Datasets.ListDatasetsAsync()).Content!.Items);

        // The demo passes the inequality check on its own (no review is recorded by a machine) and says so.
        Assert.Equal(FairnessCheckOutcome.NoOverRepresentation, published.Content.View.Fairness!.Outcome);
        Assert.Null(published.Content.View.Fairness.Review);
        Assert.StartsWith("Gecontroleerd: geen groep komt te vaak voor.", published.Content.FairnessCheck, StringComparison.Ordinal);
        Assert.Contains("migratieachtergrond", published.Content.FairnessCheck, StringComparison.Ordinal);
    }
}
